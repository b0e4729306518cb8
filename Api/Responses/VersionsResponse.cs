using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Api.Responses;

/// <summary>Every version of a model, newest first, with the pointer's current and previous versions and the served one.</summary>
public sealed record VersionsResponse(
    string Model,
    int? Current,
    int? Previous,
    int? Served,
    IReadOnlyList<int> Candidates,
    IReadOnlyList<VersionSummary> Versions);
