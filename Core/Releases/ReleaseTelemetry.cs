using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArchiveForecast.Core.Telemetry;

namespace ArchiveForecast.Core.Releases;

/// <summary>
/// The release instruments, tagged with the model, the version and its role, so Application Insights shows every
/// instance's releases side by side (docs/operations.md has the queries).
/// </summary>
public sealed class ReleaseTelemetry
{
    /// <summary><c>archiveforecast.release.requests</c>: requests scored during a release, by version, role and outcome.</summary>
    public const string RequestsName = "archiveforecast.release.requests";

    /// <summary><c>archiveforecast.release.duration</c>: scoring time during a release, by version and role.</summary>
    public const string DurationName = "archiveforecast.release.duration";

    /// <summary><c>archiveforecast.release.shadow.divergence</c>: |ln((1 + candidate) / (1 + served))| per shadow forecast.</summary>
    public const string DivergenceName = "archiveforecast.release.shadow.divergence";

    /// <summary><c>archiveforecast.release.shadow.dropped</c>: requests not shadowed because the queue was full.</summary>
    public const string DroppedName = "archiveforecast.release.shadow.dropped";

    /// <summary><c>archiveforecast.release.ended</c>: releases this instance ended, by outcome.</summary>
    public const string EndedName = "archiveforecast.release.ended";

    /// <summary>The tag naming the role (<c>served</c> or <c>candidate</c>).</summary>
    public const string RoleTag = "release.role";

    private static readonly InstrumentAdvice<double> SecondsAdvice = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    };

    private readonly Counter<long> requests;
    private readonly Histogram<double> duration;
    private readonly Histogram<double> divergence;
    private readonly Counter<long> dropped;
    private readonly Counter<long> ended;

    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public ReleaseTelemetry(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        requests = meter.CreateCounter<long>(RequestsName, "{request}", "Requests scored during a release, by version, role and outcome.");
        duration = meter.CreateHistogram(DurationName, "s", "Scoring time during a release, by version and role.", advice: SecondsAdvice);
        divergence = meter.CreateHistogram<double>(DivergenceName, "1", "Absolute log-ratio of the candidate's shadow forecast to the served one.");
        dropped = meter.CreateCounter<long>(DroppedName, "{request}", "Requests not shadowed because the shadow queue was full.");
        ended = meter.CreateCounter<long>(EndedName, "{release}", "Releases ended by this instance, by outcome.");
    }

    internal void RecordScoring(string modelName, int version, ReleaseRole role, TimeSpan elapsed, bool failed)
    {
        var tags = Tags(modelName, version, role);
        duration.Record(elapsed.TotalSeconds, tags);
        tags.Add(TelemetryNames.Tags.Outcome, failed ? "error" : "ok");
        requests.Add(1, tags);
    }

    internal void RecordDivergence(string modelName, int version, double absLogRatio) =>
        divergence.Record(absLogRatio, Tags(modelName, version, ReleaseRole.Candidate));

    internal void RecordDropped(string modelName, int version) =>
        dropped.Add(1, Tags(modelName, version, ReleaseRole.Candidate));

    internal void RecordEnded(string modelName, int version, ReleaseOutcome outcome)
    {
        var tags = Tags(modelName, version, ReleaseRole.Candidate);
        tags.Add(TelemetryNames.Tags.Outcome, outcome == ReleaseOutcome.Aborted ? "aborted" : "stopped");
        ended.Add(1, tags);
    }

    private static TagList Tags(string modelName, int version, ReleaseRole role) => new()
    {
        { TelemetryNames.Tags.ModelName, modelName },
        { TelemetryNames.Tags.ModelVersion, version },
        { RoleTag, role == ReleaseRole.Served ? "served" : "candidate" },
    };
}
