namespace ArchiveForecast.Core.Inference;

/// <summary>
/// Per-feature contributions to each target's prediction (feature name to contribution). The regressors learn
/// ln(GB + 0.001), so contributions are in that log space, not in GB: a contribution of +0.1 raises the forecast by
/// about 10 %, whatever its size. <see cref="Base"/> completes them: base + the sum of the contributions is the
/// forecast's ln(GB + 0.001).
/// </summary>
public sealed record ForecastExplanation(
    IReadOnlyDictionary<string, double> ArchivedGbNextPeriod,
    IReadOnlyDictionary<string, double> SavingsGbNextPeriod)
{
    /// <summary>Per target, the forecast's ln(GB + 0.001) less the sum of its contributions.</summary>
    public ExplanationBase? Base { get; init; }
}
