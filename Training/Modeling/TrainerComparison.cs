using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Modeling;

/// <summary>Cross-validates trainers on the same folds, to choose a trainer and its hyper-parameters from measurements.</summary>
public static class TrainerComparison
{
    /// <summary>Fits and scores every trainer on every fold.</summary>
    /// <param name="trainers">The settings to compare.</param>
    /// <param name="folds">The folds (from <see cref="DataSplitter.KFold"/> or <see cref="DataSplitter.GroupedKFold"/>).</param>
    /// <param name="kind"><see cref="CrossValidationResult.RandomFolds"/> or <see cref="CrossValidationResult.SourceFolds"/>.</param>
    /// <param name="progress">Told which trainer and fold is being fitted.</param>
    /// <param name="timeProvider">Times the fits.</param>
    /// <param name="cancellationToken">Stops between fits.</param>
    public static async Task<CrossValidationResult> CrossValidateAsync(
        IReadOnlyList<TrainerSettings> trainers,
        IReadOnlyList<DataSplit> folds,
        string kind,
        IProgress<string>? progress,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var scores = new List<TrainerScore>(trainers.Count);
        foreach (var settings in trainers)
        {
            var archived = new List<RegressionMetrics>(folds.Count);
            var savings = new List<RegressionMetrics>(folds.Count);
            double fitMs = 0;
            for (int f = 0; f < folds.Count; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fold = folds[f];
                progress?.Report($"{kind}: {TrainerKindNames.Format(settings.Kind)} fold {f + 1}/{folds.Count} ({fold.Train.Count:N0} rows)");
                long started = timeProvider.GetTimestamp();
                var trained = await Task.Run(() => ForecastTrainer.Fit(fold.Train, settings, cancellationToken), cancellationToken);
                fitMs += timeProvider.GetElapsedTime(started).TotalMilliseconds;

                using var model = ForecastModel.FromZip("comparison", 0, trained.ModelZip, null, timeProvider);
                IReadOnlyList<ForecastTargets> actual = [.. fold.Holdout.Select(r => r.Targets)];
                var metrics = MetricsCalculator.Compute(actual, model.PredictBatch([.. fold.Holdout.Select(r => r.Input)]));
                archived.Add(metrics.ArchivedGbNextPeriod);
                savings.Add(metrics.SavingsGbNextPeriod);
            }

            scores.Add(new TrainerScore(settings, Summarise(archived), Summarise(savings), fitMs / folds.Count));
        }

        int rows = folds.Count == 0 ? 0 : folds[0].Train.Count + folds[0].Holdout.Count;
        return new CrossValidationResult(kind, folds.Count, rows, scores);
    }

    private static TargetScores Summarise(List<RegressionMetrics> folds) =>
        new(
            MetricSummary.Of([.. folds.Select(m => m.Mae)]),
            MetricSummary.Of([.. folds.Select(m => m.Rmse)]),
            MetricSummary.Of([.. folds.Select(m => m.RSquared)]));
}
