using System.ComponentModel.DataAnnotations;

namespace ArchiveForecast.Core.Releases;

/// <summary>
/// The default guards of a release (a start request may set its own) and the shadow queue. Section <c>Release</c>.
/// </summary>
public sealed class ReleaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Release";

    /// <summary>Candidate requests (or shadow comparisons) before a release is judged. Default 200.</summary>
    [Range(1, 10_000_000)]
    public int MinRequests { get; set; } = 200;

    /// <summary>How far the candidate's error rate may exceed the served version's. Default 0.02 (two points).</summary>
    [Range(0.0, 1.0)]
    public double MaxErrorRateIncrease { get; set; } = 0.02;

    /// <summary>How many times the served version's p99 scoring latency the candidate's may reach. Default 2.</summary>
    [Range(1.0, 1000.0)]
    public double MaxLatencyRatio { get; set; } = 2.0;

    /// <summary>The largest mean absolute log-ratio of shadow forecasts (0.2 ≈ 22 % apart on average). Default 0.2.</summary>
    [Range(0.0, 100.0)]
    public double MaxDivergence { get; set; } = 0.2;

    /// <summary>Requests waiting for shadow scoring; more are dropped (and counted). Default 256.</summary>
    [Range(1, 100_000)]
    public int ShadowQueueCapacity { get; set; } = 256;

    /// <summary>The OS priority of the shadow scoring thread. Default <see cref="ShadowPriority.Lowest"/>.</summary>
    [EnumDataType(typeof(ShadowPriority))]
    public ShadowPriority ShadowPriority { get; set; } = ShadowPriority.Lowest;

    /// <summary>The guards a release gets when its start request sets none.</summary>
    public ReleaseGuards DefaultGuards() => new(MinRequests, MaxErrorRateIncrease, MaxLatencyRatio, MaxDivergence);
}
