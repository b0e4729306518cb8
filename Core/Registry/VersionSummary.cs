using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Core.Registry;

/// <summary>Where a version stands.</summary>
public enum VersionStatus
{
    /// <summary>The pointer names it: it is served.</summary>
    Current,
    /// <summary>Complete (manifest written) but not served.</summary>
    Candidate,
    /// <summary>Its manifest is missing: a publish that did not finish. Never served.</summary>
    Incomplete,
}

/// <summary>One version as listed by the registry.</summary>
public sealed record VersionSummary(
    int Version,
    VersionStatus Status,
    bool IsPrevious,
    DateTimeOffset? CreatedAt,
    string? RunId,
    string? Trainer,
    ModelMetrics? Metrics);
