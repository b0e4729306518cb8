using ArchiveForecast.Core.Modeling;

namespace ArchiveForecast.Training.Modeling;

/// <summary>How one trainer did over the folds: per target, and the mean fit time per fold.</summary>
public sealed record TrainerScore(TrainerSettings Settings, TargetScores ArchivedGbNextPeriod, TargetScores SavingsGbNextPeriod, double MeanFitMs);
