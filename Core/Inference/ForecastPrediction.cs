namespace ArchiveForecast.Core.Inference;

/// <summary>One forecast: both targets in GB (never negative) and the input fields outside the training data's p01..p99.</summary>
public sealed record ForecastPrediction(double ArchivedGbNextPeriod, double SavingsGbNextPeriod, IReadOnlyList<string> OutOfRange);
