namespace ArchiveForecast.Core.Releases;

/// <summary>
/// When a release ends itself. Stored in the pointer with the release, so every instance applies the same thresholds.
/// Nothing is judged before the candidate has <paramref name="MinRequests"/> scored requests.
/// </summary>
/// <param name="MinRequests">How many candidate requests (or shadow comparisons) before any rule is applied.</param>
/// <param name="MaxErrorRateIncrease">How far the candidate's error rate may exceed the served version's (0.02 = two points).</param>
/// <param name="MaxLatencyRatio">How many times the served version's p99 latency the candidate's p99 may reach.</param>
/// <param name="MaxDivergence">The largest mean absolute log-ratio of the two versions' forecasts (shadow only).</param>
public sealed record ReleaseGuards(int MinRequests, double MaxErrorRateIncrease, double MaxLatencyRatio, double MaxDivergence);
