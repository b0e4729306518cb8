namespace ArchiveForecast.Core.Inference;

/// <summary>The ranges of both targets of one forecast at one level.</summary>
public sealed record PredictionIntervals(double Level, ForecastInterval ArchivedGbNextPeriod, ForecastInterval SavingsGbNextPeriod);
