using System.Collections.Concurrent;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.TestSupport;

/// <summary>One fit per trainer on the standard synthetic data, shared by the fixtures that only need "a trained model".</summary>
public static class TrainedModels
{
    private static readonly ConcurrentDictionary<TrainerKind, Lazy<TrainedModel>> Models = new();
    private static readonly Lazy<List<TrainingExample>> Data = new(() => new SyntheticDataBuilder().Build());

    /// <summary>The training rows every shared model was fitted on.</summary>
    public static IReadOnlyList<TrainingExample> TrainingRows => Data.Value;

    public static FeatureQuantiles Quantiles => QuantileCalculator.Compute(TrainingRows.Select(r => r.Input).ToList());

    public static TrainedModel Get(TrainerKind kind) =>
        Models.GetOrAdd(kind, k => new Lazy<TrainedModel>(() => ForecastTrainer.Fit(TrainingRows, TrainerSettings.Default(k), CancellationToken.None))).Value;
}
