using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ArchiveForecast.Core.Modeling;

/// <summary>
/// The one ML.NET chain that predicts both targets: a regressor on log1p of the archived GB, its score mapped back to GB
/// by expm1 into its own column, the same for savings. One transformer, one model.zip, scores in GB.
/// </summary>
/// <remarks>
/// The targets span four orders of magnitude and are products of their causes (size × coverage × season × churn), so
/// in log space they are nearly sums, which trees fit well, and every source weighs alike instead of the largest
/// dominating the squared error. The inverse is an ML.NET expression inside the chain, so a saved model carries it
/// and every consumer reads GB without knowing how the model was fitted.
/// </remarks>
internal static class ForecastPipeline
{
    /// <summary>The expression (ML.NET's expression language) that maps a log1p score back to GB.</summary>
    public const string FromLabelExpression = "x : exp(x) - 1";

    /// <summary>The stages in order. Fitted one by one (as an estimator chain would) so a fit can stop between them.</summary>
    public static IReadOnlyList<IEstimator<ITransformer>> Stages(MLContext mlContext, TrainerSettings settings) =>
    [
        Regressor(mlContext, settings, ModelColumns.ArchivedLabel),
        mlContext.Transforms.Expression(ModelColumns.ArchivedScore, FromLabelExpression, ModelColumns.Score),
        Regressor(mlContext, settings, ModelColumns.SavingsLabel),
        mlContext.Transforms.Expression(ModelColumns.SavingsScore, FromLabelExpression, ModelColumns.Score),
    ];

    /// <summary>The label a regressor learns for a target of <paramref name="gb"/> GB (not negative): log1p(gb).</summary>
    public static double ToLabel(double gb) => double.LogP1(Math.Max(0, gb));

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
