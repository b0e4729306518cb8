using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Modeling;

/// <summary>Rows to fit on and rows to evaluate on; no row is in both.</summary>
public sealed record DataSplit(IReadOnlyList<TrainingExample> Train, IReadOnlyList<TrainingExample> Holdout);
