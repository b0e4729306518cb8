namespace ArchiveForecast.Core.Inference;

/// <summary>Per-feature contributions to each target's prediction (feature name to contribution, in the model's units).</summary>
public sealed record ForecastExplanation(
    IReadOnlyDictionary<string, double> ArchivedGbNextPeriod,
    IReadOnlyDictionary<string, double> SavingsGbNextPeriod);
