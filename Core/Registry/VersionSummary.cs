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
/// <param name="Version">The version number.</param>
/// <param name="Status">Current, candidate or incomplete.</param>
/// <param name="IsPrevious">True for the version a rollback goes back to.</param>
/// <param name="CreatedAt">When it was published.</param>
/// <param name="RunId">The run that trained it.</param>
/// <param name="Trainer">The trainer.</param>
/// <param name="Metrics">Its metrics on its own holdout (see <paramref name="MetricsHoldout"/>).</param>
/// <param name="MetricsHoldout">
/// Which data <paramref name="Metrics"/> come from: each version is scored on the holdout of its own training data, so
/// figures of versions trained on different data are not comparable (the promotion gate compares on one holdout).
/// </param>
public sealed record VersionSummary(
    int Version,
    VersionStatus Status,
    bool IsPrevious,
    DateTimeOffset? CreatedAt,
    string? RunId,
    string? Trainer,
    ModelMetrics? Metrics,
    MetricsHoldout? MetricsHoldout = null);

/// <summary>The holdout a version's metrics were computed on: the last 20 % (by default) of its own training data.</summary>
/// <param name="Dataset">The training data's source as recorded in the model card.</param>
/// <param name="DataSha256">The SHA-256 of the accepted training rows: two versions with the same value were scored on the same holdout.</param>
/// <param name="Rows">How many rows the holdout had.</param>
public sealed record MetricsHoldout(string Dataset, string DataSha256, int Rows);
