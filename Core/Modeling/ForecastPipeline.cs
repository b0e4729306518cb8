using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ArchiveForecast.Core.Modeling;

/// <summary>
/// The one ML.NET chain that predicts both targets: a regressor on ln(archived GB + 0.001), its score mapped back to GB
/// into its own column, the same for savings. One transformer, one model.zip, scores in GB.
/// </summary>
/// <remarks>
/// The targets span five orders of magnitude and are products of their causes (size × coverage × season × churn), so
/// in log space they are nearly sums, which trees fit well, and a 50 MB source weighs as much as a 5 TB one instead of
/// the largest dominating the squared error. The offset of 0.001 GB (about 1 MB) keeps the log finite at zero and
/// stops it from magnifying amounts below what the data's four decimals resolve; log1p (an offset of 1 GB) would leave
/// sub-GB sources, a quarter of the data, nearly linear. The inverse is an ML.NET expression inside the chain, so a
/// saved model carries it and every consumer reads GB without knowing how the model was fitted.
/// </remarks>
internal static class ForecastPipeline
{
    /// <summary>Added to a target in GB before its log is taken.</summary>
    public const double LabelOffsetGb = 0.001;

    /// <summary>The inverse of <see cref="ToLabel"/> in ML.NET's expression language (float in, float out).</summary>
    public const string FromLabelExpression = "x : exp(x) - 0.001";

    /// <summary>The stages in order. Fitted one by one (as an estimator chain would) so a fit can stop between them.</summary>
    public static IReadOnlyList<IEstimator<ITransformer>> Stages(MLContext mlContext, TrainerSettings settings) =>
    [
        Regressor(mlContext, settings, ModelColumns.ArchivedLabel),
        mlContext.Transforms.Expression(ModelColumns.ArchivedScore, FromLabelExpression, ModelColumns.Score),
        Regressor(mlContext, settings, ModelColumns.SavingsLabel),
        mlContext.Transforms.Expression(ModelColumns.SavingsScore, FromLabelExpression, ModelColumns.Score),
    ];

    /// <summary>The label a regressor learns for a target of <paramref name="gb"/> GB (not negative): ln(gb + 0.001).</summary>
    public static double ToLabel(double gb) => Math.Log(Math.Max(0, gb) + LabelOffsetGb);

    // One thread: tree building sums gradients in a thread-dependent order otherwise. On the 2-core machines measured,
    // a single thread cost no measurable fit time.
    private static IEstimator<ITransformer> Regressor(MLContext mlContext, TrainerSettings settings, string label) => settings.Kind switch
    {
        TrainerKind.FastForest => mlContext.Regression.Trainers.FastForest(Trees(new FastForestRegressionTrainer.Options(), settings, label)),
        TrainerKind.FastTree => mlContext.Regression.Trainers.FastTree(
            Trees(new FastTreeRegressionTrainer.Options { LearningRate = settings.LearningRate ?? 0.2 }, settings, label)),
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

    private static T Trees<T>(T options, TrainerSettings settings, string label)
        where T : TreeOptions
    {
        options.LabelColumnName = label;
        options.FeatureColumnName = ModelColumns.Features;
        options.NumberOfTrees = settings.NumberOfTrees;
        options.NumberOfLeaves = settings.NumberOfLeaves;
        options.MinimumExampleCountPerLeaf = settings.MinimumExampleCountPerLeaf;
        options.Seed = settings.Seed;
        options.FeatureSelectionSeed = settings.Seed;
        options.NumberOfThreads = 1;
        return options;
    }
}
