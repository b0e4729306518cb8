using System.Globalization;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ArchiveForecast.TestSupport;

/// <summary>
/// Candidate versions that are worse than a served version in the ways a release guard watches for, as publish requests
/// that load and pass their canary self-check like any trained version:
/// <list type="bullet">
/// <item><see cref="Failing"/>: a trained model whose archived forecast overflows to infinity for larger inputs, so scoring
/// them throws <see cref="NonFinitePredictionException"/> (its canaries are smaller inputs, which it scores normally).</item>
/// <item><see cref="Slow"/>: a trained model with hundreds of deep trees per target, so each row costs far more than a
/// small served model's.</item>
/// </list>
/// </summary>
public static class ReleaseCandidates
{
    // A few hundred deep trees on part of the data: fitted in seconds, yet each row costs about a hundred times what a
    // small model's does.
    private const int SlowTrees = 500;
    private const int SlowRows = 400;

    // The column names of a saved forecast model (Core keeps its own constants internal).
    private const string ArchivedScore = "ArchivedScore";

    private static readonly Lazy<FailingModel> FailingModelValue = new(CreateFailing);
    private static readonly Lazy<Publishable> SlowModel = new(CreateSlow);

    /// <summary>An input the failing candidate scores normally (a canary-sized one).</summary>
    public static CanaryInput PassingInput => FailingModelValue.Value.Passing;

    /// <summary>An input the failing candidate cannot score: its archived forecast is infinite.</summary>
    public static CanaryInput FailingInput => FailingModelValue.Value.Failing;

    /// <summary>The failing candidate (see the class summary) as a publish request of <paramref name="modelName"/>.</summary>
    public static PublishRequest Failing(string modelName, string runId) => FailingModelValue.Value.Model.Request(modelName, runId);

    /// <summary>The slow candidate (see the class summary) as a publish request of <paramref name="modelName"/>.</summary>
    public static PublishRequest Slow(string modelName, string runId) => SlowModel.Value.Request(modelName, runId);

    /// <summary>One predict instance in the contract's wire form: <c>{"month":"2025-07-01","total_files":…}</c>.</summary>
    public static string InstanceJson(CanaryInput input) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"month":{{JsonSerializer.Serialize(input.Month)}},"total_files":{{input.TotalFiles}},"avg_file_size_mb":{{input.AvgFileSizeMb:R}},"pct_pdf":{{input.PctPdf:R}},"pct_docx":{{input.PctDocx:R}},"pct_xlsx":{{input.PctXlsx:R}},"archive_frequency_per_day":{{input.ArchiveFrequencyPerDay:R}}}""");

    /// <summary>A predict body of <paramref name="count"/> copies of <paramref name="input"/>.</summary>
    public static string Body(CanaryInput input, int count = 1) =>
        "{\"instances\":[" + string.Join(',', Enumerable.Repeat(InstanceJson(input), count)) + "]}";

    private static FailingModel CreateFailing()
    {
        var rows = TrainedModels.TrainingRows;
        var quantiles = TrainedModels.Quantiles;
        var trained = TrainedModels.Get(TrainerKind.FastTree);

        // The median archived forecast of the training rows splits them: above it the candidate fails, below it works.
        double[] archived;
        using (var model = ForecastModel.FromZip(ModelName.Default, 0, trained.ModelZip, quantiles, TimeProvider.System))
        {
            archived = [.. rows.Select(r => model.Predict(r.Input).ArchivedGbNextPeriod)];
        }

        double threshold = archived.Order().ElementAt(archived.Length / 2);
        byte[] zip = OverflowAbove(trained.ModelZip, threshold);
        var small = Enumerable.Range(0, rows.Count).Where(i => archived[i] < threshold * 0.9).Select(i => rows[i]).ToList();
        using var failing = ForecastModel.FromZip(ModelName.Default, 0, zip, quantiles, TimeProvider.System);
        var canaries = CanarySelector.Select(small, failing);
        var passing = canaries[0].Input;
        var failingInput = CanaryInput.From(rows[Array.IndexOf(archived, archived.Max())].Input);

        // The model must really behave as described, or a guard test would wait for an abort that cannot come.
        failing.Predict(passing.ToInput());
        try
        {
            failing.Predict(failingInput.ToInput());
            throw new InvalidOperationException("The failing candidate scored its failing input.");
        }
        catch (NonFinitePredictionException)
        {
        }

        return new FailingModel(new Publishable(zip, quantiles, canaries, TrainerKindNames.Format(TrainerKind.FastTree)), passing, failingInput);
    }

    private static Publishable CreateSlow()
    {
        var rows = TrainedModels.TrainingRows.Take(SlowRows).ToList();
        var quantiles = TrainedModels.Quantiles;
        var settings = TrainerSettings.Default(TrainerKind.FastTree) with { NumberOfTrees = SlowTrees, NumberOfLeaves = 32, MinimumExampleCountPerLeaf = 2, LearningRate = 0.01 };
        var trained = ForecastTrainer.Fit(rows, settings, CancellationToken.None);
        byte[] zip = trained.ModelZip.ToArray();
        using var model = ForecastModel.FromZip(ModelName.Default, 0, zip, quantiles, TimeProvider.System);
        return new Publishable(zip, quantiles, CanarySelector.Select(rows, model), TrainerKindNames.Format(TrainerKind.FastTree));
    }

    // Appends to the trained chain an ML.NET expression that replaces the archived score (in GB) by exp(1000 x score)
    // above the threshold: a float overflows to infinity there. The saved zip is an ordinary ML.NET model.
    private static byte[] OverflowAbove(ReadOnlyMemory<byte> modelZip, double thresholdGb)
    {
        var mlContext = new MLContext(seed: 0);
        ITransformer loaded;
        DataViewSchema inputSchema;
        using (var stream = new MemoryStream(modelZip.ToArray(), writable: false))
        {
            loaded = mlContext.Model.Load(stream, out inputSchema);
        }

        var chain = (TransformerChain<ITransformer>)loaded;
        var scored = chain.Transform(mlContext.Data.LoadFromEnumerable(Array.Empty<Features>()));
        string expression = string.Create(CultureInfo.InvariantCulture, $"x : x > {thresholdGb:0.0###} ? exp(x * 1000) : x");
        var overflow = mlContext.Transforms.Expression(ArchivedScore, expression, ArchivedScore).Fit(scored);
        var failing = chain.Append<ITransformer>(overflow);
        using var output = new MemoryStream();
        mlContext.Model.Save(failing, inputSchema, output);
        return output.ToArray();
    }

    private sealed class Features
    {
        [ColumnName("Features")]
        [VectorType(FeatureSchema.Count)]
        public float[] Values { get; set; } = new float[FeatureSchema.Count];
    }

    private sealed record FailingModel(Publishable Model, CanaryInput Passing, CanaryInput Failing);

    private sealed record Publishable(byte[] ModelZip, FeatureQuantiles Quantiles, IReadOnlyList<CanaryRow> Canaries, string Trainer)
    {
        public PublishRequest Request(string modelName, string runId) =>
            new(ModelZip, new ModelCardBuilder().ForModel(modelName).WithRunId(runId).WithTrainer(Trainer).WithCanaries(Canaries).Build(), Quantiles);
    }
}
