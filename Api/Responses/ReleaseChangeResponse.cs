namespace ArchiveForecast.Api.Responses;

/// <summary>A release that started, was updated, or ended.</summary>
/// <param name="Model">The model name.</param>
/// <param name="ServedVersion">The version the pointer serves.</param>
/// <param name="Release">The release.</param>
/// <param name="Status"><c>started</c>, <c>updated</c> or <c>stopped</c>.</param>
/// <param name="Detail">One sentence for people.</param>
public sealed record ReleaseChangeResponse(string Model, int ServedVersion, ReleaseView Release, string Status, string Detail);
