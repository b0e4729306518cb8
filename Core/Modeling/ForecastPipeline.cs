using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ArchiveForecast.Core.Modeling;

/// <summary>
/// The one ML.NET chain that predicts both targets: a regressor on the archived label, its score copied aside, a
/// regressor on the savings label, its score copied aside. One transformer, one model.zip.
/// </summary>
internal static class ForecastPipeline
{
    /// <summary>The stages in order. Fitted one by one (as an estimator chain would) so a fit can stop between them.</summary>
    public static IReadOnlyList<IEstimator<ITransformer>> Stages(MLContext mlContext, TrainerSettings settings) =>
    [
        Regressor(mlContext, settings, ModelColumns.ArchivedLabel),
        mlContext.Transforms.CopyColumns(ModelColumns.ArchivedScore, ModelColumns.Score),
        Regressor(mlContext, settings, ModelColumns.SavingsLabel),
        mlContext.Transforms.CopyColumns(ModelColumns.SavingsScore, ModelColumns.Score),
    ];

    // One thread: tree building sums gradients in a thread-dependent order otherwise. On the 2-core machines measured,
    // a single thread cost no measurable fit time.
    private static IEstimator<ITransformer> Regressor(MLContext mlContext, TrainerSettings settings, string label) => settings.Kind switch
    {
        TrainerKind.FastForest => mlContext.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            LabelColumnName = label,
            FeatureColumnName = ModelColumns.Features,
            NumberOfTrees = settings.NumberOfTrees,
            NumberOfLeaves = settings.NumberOfLeaves,
            MinimumExampleCountPerLeaf = settings.MinimumExampleCountPerLeaf,
            Seed = settings.Seed,
            FeatureSelectionSeed = settings.Seed,
            NumberOfThreads = 1,
        }),
        TrainerKind.FastTree => mlContext.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = label,
            FeatureColumnName = ModelColumns.Features,
            NumberOfTrees = settings.NumberOfTrees,
            NumberOfLeaves = settings.NumberOfLeaves,
            MinimumExampleCountPerLeaf = settings.MinimumExampleCountPerLeaf,
            LearningRate = settings.LearningRate ?? 0.2,
            Seed = settings.Seed,
            FeatureSelectionSeed = settings.Seed,
            NumberOfThreads = 1,
        }),
        TrainerKind.LightGbm => mlContext.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = label,
            FeatureColumnName = ModelColumns.Features,
            NumberOfIterations = settings.NumberOfTrees,
            NumberOfLeaves = settings.NumberOfLeaves,
            MinimumExampleCountPerLeaf = settings.MinimumExampleCountPerLeaf,
            LearningRate = settings.LearningRate ?? 0.1,
            Seed = settings.Seed,
            Deterministic = true,
            NumberOfThreads = 1,
            Silent = true,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown trainer kind."),
    };
}
