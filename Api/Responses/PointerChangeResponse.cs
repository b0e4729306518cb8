namespace ArchiveForecast.Api.Responses;

/// <summary>A promote or rollback that changed the pointer, and what the served model did after it.</summary>
/// <param name="Model">The model name.</param>
/// <param name="Version">The version the pointer now names.</param>
/// <param name="PreviousVersion">The version it named before.</param>
/// <param name="ServedVersion">The version this instance serves after reloading (other instances follow on their next poll).</param>
/// <param name="Reload">How the reload ended: <c>swapped</c>, <c>unchanged</c>, <c>no_pointer</c> or <c>failed</c>.</param>
public sealed record PointerChangeResponse(string Model, int Version, int? PreviousVersion, int? ServedVersion, string Reload);
