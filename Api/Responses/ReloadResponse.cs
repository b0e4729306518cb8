namespace ArchiveForecast.Api.Responses;

/// <summary>The version served after a reload, and whether the reload changed it.</summary>
/// <param name="Model">The model name.</param>
/// <param name="Version">The version now served.</param>
/// <param name="Outcome"><c>swapped</c> or <c>unchanged</c>.</param>
/// <param name="Changed">True when a new version is now served.</param>
public sealed record ReloadResponse(string Model, int Version, string Outcome, bool Changed);
