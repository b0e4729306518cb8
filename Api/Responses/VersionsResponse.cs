using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Api.Responses;

/// <summary>Every version of a model, newest first, with the pointer's current and previous versions and the served one.</summary>
/// <param name="Model">The model.</param>
/// <param name="Current">The version the pointer names.</param>
/// <param name="Previous">The version a rollback goes back to.</param>
/// <param name="Served">The version this instance serves now.</param>
/// <param name="Candidates">Complete versions not served.</param>
/// <param name="Versions">Every version, newest first.</param>
/// <param name="History">The promotion history rollbacks walk back along, most recent first.</param>
public sealed record VersionsResponse(
    string Model,
    int? Current,
    int? Previous,
    int? Served,
    IReadOnlyList<int> Candidates,
    IReadOnlyList<VersionSummary> Versions,
    IReadOnlyList<int> History);
