namespace ArchiveForecast.Core.Releases;

/// <summary>The content of <c>{model}/releases/{id}.json</c>: a release that ended, how and why.</summary>
/// <param name="ModelName">The model.</param>
/// <param name="ServedVersion">The version served while the release ran.</param>
/// <param name="Release">The release as the pointer held it.</param>
/// <param name="Outcome">Stopped or aborted.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="EndedBy">Who ended it (an operator, or <c>auto-abort</c>).</param>
/// <param name="Stats">What the instance that ended it had seen, when an instance ended it.</param>
public sealed record ReleaseRecord(
    string ModelName,
    int ServedVersion,
    ModelRelease Release,
    ReleaseOutcome Outcome,
    string Reason,
    DateTimeOffset EndedAt,
    string EndedBy,
    ReleaseSnapshot? Stats);
