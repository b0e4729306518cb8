namespace ArchiveForecast.Core.Inference;

/// <summary>The log-space value each target's contributions start from (the forecast's ln(GB + 0.001) less their sum).</summary>
public sealed record ExplanationBase(double ArchivedGbNextPeriod, double SavingsGbNextPeriod);
