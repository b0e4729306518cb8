namespace ArchiveForecast.Core.Artifacts;

/// <summary>The training data's quantiles per numeric input field (snake_case contract names), for range checks and drift.</summary>
public sealed record FeatureQuantiles(IReadOnlyDictionary<string, QuantileSet> Features);

/// <summary>p01 p10 p50 p90 p99 of one feature.</summary>
public sealed record QuantileSet(double P01, double P10, double P50, double P90, double P99);
