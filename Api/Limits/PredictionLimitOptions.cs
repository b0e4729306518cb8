using System.ComponentModel.DataAnnotations;

namespace ArchiveForecast.Api.Limits;

/// <summary>
/// How much prediction work one instance takes on at once (section <c>Predict</c>). Requests past the limit wait up to
/// <see cref="QueueTimeout"/> for a slot, then get 503 with <c>Retry-After</c>, so a burst of large or explained
/// batches cannot queue without bound and stretch every request's latency.
/// </summary>
public sealed class PredictionLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Predict";

    /// <summary>
    /// Predict requests scored at the same time (each may use several cores for a large batch). Default: twice the
    /// processors, the setting whose p99 stayed lowest under 64 concurrent batch requests (bench/RESULTS.md, bench/limit.sh).
    /// </summary>
    [Range(1, 4096)]
    public int MaxConcurrent { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>How long a request waits for a slot before the 503. Default 0.5 s; zero refuses at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The <c>Retry-After</c> of the 503. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
