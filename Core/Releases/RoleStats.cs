namespace ArchiveForecast.Core.Releases;

/// <summary>What one role (the served version or the candidate) did in this instance during a release.</summary>
/// <param name="Version">The version playing the role.</param>
/// <param name="Requests">Requests scored (split: answered; shadow candidate: compared).</param>
/// <param name="Errors">Requests whose scoring threw.</param>
/// <param name="ErrorRate">Errors over requests; 0 with no requests.</param>
/// <param name="P50Ms">Median scoring latency in milliseconds over the recent requests; null with none.</param>
/// <param name="P99Ms">99th percentile scoring latency in milliseconds over the recent requests; null with none.</param>
/// <param name="OutOfRangeRate">The share of predictions with at least one input outside the version's training range.</param>
public sealed record RoleStats(int Version, long Requests, long Errors, double ErrorRate, double? P50Ms, double? P99Ms, double OutOfRangeRate);
