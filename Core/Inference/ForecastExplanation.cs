namespace ArchiveForecast.Core.Inference;

/// <summary>
/// Per-feature contributions to each target's prediction (feature name to contribution). The regressors learn
/// ln(GB + 0.001), so contributions are in that log space, not in GB: a contribution of +0.1 raises the forecast by
/// about 10 %, whatever its size.
/// </summary>
public sealed record ForecastExplanation(
    IReadOnlyDictionary<string, double> ArchivedGbNextPeriod,
    IReadOnlyDictionary<string, double> SavingsGbNextPeriod);
