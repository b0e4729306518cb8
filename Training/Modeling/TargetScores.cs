namespace ArchiveForecast.Training.Modeling;

/// <summary>Cross-validated MAE, RMSE and R² of one target.</summary>
public sealed record TargetScores(MetricSummary Mae, MetricSummary Rmse, MetricSummary RSquared);
