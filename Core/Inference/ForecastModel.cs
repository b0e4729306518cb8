using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Schema;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ArchiveForecast.Core.Inference;

/// <summary>
/// One loaded, immutable model version. Thread-safe: single predictions use pooled prediction engines over the one
/// loaded transformer; batches rent one engine per core for their rows.
/// </summary>
public sealed class ForecastModel : IDisposable
{
    private const int MinimumRowsPerPartition = 250;

    private static double Sum(float[] values)
    {
        double sum = 0;
        foreach (float value in values)
        {
            sum += value;
        }

        return sum;
    }

    private readonly MLContext mlContext;
    private readonly ITransformer transformer;
    private readonly EnginePool<ScoreRow> scoring;
    private readonly Lazy<EnginePool<ContributionRow>> explaining;
    private readonly InputRanges? ranges;
    private int disposed;

    private ForecastModel(
        string name, int version, ModelCard? card, Manifest? manifest, FeatureQuantiles? quantiles, DateTimeOffset loadedAt,
        MLContext mlContext, ITransformer transformer)
    {
        Name = name;
        Version = version;
        Card = card;
        Manifest = manifest;
        Quantiles = quantiles;
        LoadedAt = loadedAt;
        this.mlContext = mlContext;
        this.transformer = transformer;
        ranges = InputRanges.Of(quantiles);
        scoring = new EnginePool<ScoreRow>(() => mlContext.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(transformer));
        explaining = new Lazy<EnginePool<ContributionRow>>(CreateExplainer, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The model name.</summary>
    public string Name { get; }

    /// <summary>The version number (0 for a model not yet published, such as a fresh candidate under evaluation).</summary>
    public int Version { get; }

    /// <summary>The model card, when loaded from a published version.</summary>
    public ModelCard? Card { get; }

    /// <summary>The manifest, when loaded from a published version.</summary>
    public Manifest? Manifest { get; }

    /// <summary>The training quantiles used for out-of-range flags, when known.</summary>
    public FeatureQuantiles? Quantiles { get; }

    /// <summary>When the model was loaded.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Loads a verified published version and checks it on its canary rows.</summary>
    /// <exception cref="ModelSelfCheckException">
    /// The card belongs to another model, names another feature version or other feature names, has no canaries, the
    /// canaries do not reproduce, or a prediction is not finite.
    /// </exception>
    /// <exception cref="InvalidDataException">model.zip is not a two-target forecast model.</exception>
    public static ForecastModel Load(VerifiedVersion version, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ModelSelfCheck.CheckCard(version);
        var card = version.Card;
        string name = version.Manifest.ModelName;
        var model = Create(name, version.Manifest.Version, version.ModelZip, card, version.Manifest, version.Quantiles, timeProvider);
        try
        {
            ModelSelfCheck.CheckCanaries(model, card.Canaries);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Loads model.zip bytes without a card (a candidate under evaluation); no canary check.</summary>
    /// <exception cref="InvalidDataException">model.zip is not a two-target forecast model.</exception>
    public static ForecastModel FromZip(string name, int version, ReadOnlyMemory<byte> modelZip, FeatureQuantiles? quantiles, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Create(name, version, modelZip, card: null, manifest: null, quantiles, timeProvider);
    }

    /// <summary>Predicts one input.</summary>
    /// <exception cref="NonFinitePredictionException">The model gave NaN or an infinity.</exception>
    public ForecastPrediction Predict(ForecastInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var engine = scoring.Rent();
        float archived, savings;
        try
        {
            FeatureBuilder.Write(input, engine.Input.Features);
            engine.Run();
            archived = engine.Output.ArchivedScore;
            savings = engine.Output.SavingsScore;
        }
        finally
        {
            scoring.Return(engine);
        }

        return ToPrediction(input, archived, savings);
    }

    /// <summary>Predicts many inputs in one pass, in order.</summary>
    /// <exception cref="NonFinitePredictionException">The model gave NaN or an infinity for any input.</exception>
    public IReadOnlyList<ForecastPrediction> PredictBatch(IReadOnlyList<ForecastInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (inputs.Count == 0)
        {
            return [];
        }

        // Rented engines score the batch row by row, split over the cores: with two 100-tree ensembles the cost is the
        // trees themselves (about 5-10 µs a row). One Transform over a data view of the batch is a little faster on
        // one thread (bench/RESULTS.md) but cannot be split as simply and makes more garbage; partitioned Transforms
        // are the next step if batches need to get faster.
        var predictions = new ForecastPrediction[inputs.Count];
        int partitions = Math.Min(Environment.ProcessorCount, inputs.Count / MinimumRowsPerPartition);
        if (partitions <= 1)
        {
            ScoreRange(inputs, predictions, 0, predictions.Length);
            return predictions;
        }

        try
        {
            Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, partition =>
            {
                int start = (int)((long)predictions.Length * partition / partitions);
                int end = (int)((long)predictions.Length * (partition + 1) / partitions);
                ScoreRange(inputs, predictions, start, end);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return predictions;
    }

    /// <summary>
    /// Predicts many inputs in order on the calling thread alone (no partitions on the thread pool): for a caller whose
    /// thread runs at a lowered priority and must not hand work to normal-priority threads (shadow scoring).
    /// </summary>
    /// <exception cref="NonFinitePredictionException">The model gave NaN or an infinity for any input.</exception>
    internal IReadOnlyList<ForecastPrediction> PredictBatchOnThisThread(IReadOnlyList<ForecastInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var predictions = new ForecastPrediction[inputs.Count];
        if (predictions.Length > 0)
        {
            ScoreRange(inputs, predictions, 0, predictions.Length);
        }

        return predictions;
    }

    /// <summary>
    /// Per-feature contributions to both targets' predictions of one input, keyed by <see cref="FeatureSchema.Names"/>:
    /// ML.NET's tree contribution scores, not normalized, of regressors that predict ln(GB + 0.001). They are in that
    /// log space, not in GB (+0.1 is about +10 % of the forecast). Signs and relative sizes rank the features for this
    /// input. ML.NET's contributions do not add up to the prediction by themselves (a forest's are summed over its
    /// trees, not averaged), so <see cref="ForecastExplanation.Base"/> is the forecast's ln(GB + 0.001) less their sum:
    /// base + contributions = the forecast in log space, exactly.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model's regressors do not support contributions.</exception>
    public ForecastExplanation Explain(ForecastInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var pool = explaining.Value;
        var engine = pool.Rent();
        try
        {
            FeatureBuilder.Write(input, engine.Input.Features);
            engine.Run();
            var output = engine.Output;
            var forecast = Predict(input);
            return new ForecastExplanation(ToDictionary(output.ArchivedContributions), ToDictionary(output.SavingsContributions))
            {
                Base = new ExplanationBase(
                    ForecastPipeline.ToLabel(forecast.ArchivedGbNextPeriod) - Sum(output.ArchivedContributions),
                    ForecastPipeline.ToLabel(forecast.SavingsGbNextPeriod) - Sum(output.SavingsContributions)),
            };
        }
        finally
        {
            pool.Return(engine);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        scoring.Dispose();
        if (explaining.IsValueCreated)
        {
            explaining.Value.Dispose();
        }
    }

    private static ForecastModel Create(
        string name, int version, ReadOnlyMemory<byte> modelZip, ModelCard? card, Manifest? manifest, FeatureQuantiles? quantiles,
        TimeProvider timeProvider)
    {
        if (ModelZipCheck.FindProblem(modelZip) is { } problem)
        {
            throw new InvalidDataException($"{Describe(name, version)}: {problem}.");
        }

        var mlContext = new MLContext(seed: 0);
        ITransformer transformer;
        try
        {
            using var stream = MemoryMarshal.TryGetArray(modelZip, out var segment) && segment.Array is not null
                ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(modelZip.ToArray(), writable: false);
            transformer = mlContext.Model.Load(stream, out _);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{Describe(name, version)}: model.zip is not a readable ML.NET model.", ex);
        }

        return FromTransformer(name, version, mlContext, transformer, card, manifest, quantiles, timeProvider);
    }

    /// <summary>Wraps a transformer that maps <see cref="FeatureRow"/> to both score columns (also the seam for tests).</summary>
    internal static ForecastModel FromTransformer(
        string name, int version, MLContext mlContext, ITransformer transformer, ModelCard? card, Manifest? manifest,
        FeatureQuantiles? quantiles, TimeProvider timeProvider)
    {
        string who = Describe(name, version);
        DataViewSchema outputSchema;
        try
        {
            outputSchema = transformer.GetOutputSchema(mlContext.Data.LoadFromEnumerable(Array.Empty<FeatureRow>()).Schema);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{who}: model.zip does not score {FeatureSchema.Version} feature vectors.", ex);
        }

        if (!IsScore(outputSchema, ModelColumns.ArchivedScore) || !IsScore(outputSchema, ModelColumns.SavingsScore))
        {
            throw new InvalidDataException($"{who}: model.zip does not produce both forecast targets.");
        }

        var model = new ForecastModel(name, version, card, manifest, quantiles, timeProvider.GetUtcNow(), mlContext, transformer);

        // Warm one engine now, so the first request does not pay for building it.
        model.scoring.Return(model.scoring.Rent());
        return model;
    }

    private void ScoreRange(IReadOnlyList<ForecastInput> inputs, ForecastPrediction[] predictions, int start, int end)
    {
        var engine = scoring.Rent();
        try
        {
            var features = engine.Input.Features;
            for (int i = start; i < end; i++)
            {
                var input = inputs[i] ?? throw new ArgumentException($"Input {i} is null.", nameof(inputs));
                FeatureBuilder.Write(input, features);
                engine.Run();
                predictions[i] = ToPrediction(input, engine.Output.ArchivedScore, engine.Output.SavingsScore);
            }
        }
        finally
        {
            scoring.Return(engine);
        }
    }

    private static bool IsScore(DataViewSchema schema, string column) =>
        schema.GetColumnOrNull(column) is { } found && found.Type == NumberDataViewType.Single;

    private EnginePool<ContributionRow> CreateExplainer()
    {
        var regressors = this.transformer is IEnumerable<ITransformer> chain
            ? chain.OfType<ISingleFeaturePredictionTransformer<ICalculateFeatureContribution>>().ToArray()
            : [];
        if (regressors.Length != 2)
        {
            throw new InvalidOperationException($"{Describe(Name, Version)} does not support feature contributions.");
        }

        int all = FeatureSchema.Count;
        var explainer = this.mlContext.Transforms.CalculateFeatureContribution(regressors[0], all, all, normalize: false)
            .Append(this.mlContext.Transforms.CopyColumns(ModelColumns.ArchivedContributions, ModelColumns.Contributions))
            .Append(this.mlContext.Transforms.CalculateFeatureContribution(regressors[1], all, all, normalize: false))
            .Append(this.mlContext.Transforms.CopyColumns(ModelColumns.SavingsContributions, ModelColumns.Contributions))
            .Fit(this.mlContext.Data.LoadFromEnumerable(Array.Empty<FeatureRow>()));
        return new EnginePool<ContributionRow>(() => this.mlContext.Model.CreatePredictionEngine<FeatureRow, ContributionRow>(explainer));
    }

    private ForecastPrediction ToPrediction(ForecastInput input, float archived, float savings)
    {
        if (!float.IsFinite(archived) || !float.IsFinite(savings))
        {
            string target = float.IsFinite(archived) ? FieldNames.SavingsGbNextPeriod : FieldNames.ArchivedGbNextPeriod;
            throw new NonFinitePredictionException($"{Describe(Name, Version)} predicted a non-finite {target}.");
        }

        // Both targets are amounts of data: the log's inverse reaches down to -0.001, and a model fitted on raw GB can dip
        // below zero near the edge of the data, never meaningfully.
        return new ForecastPrediction(Math.Max(0, archived), Math.Max(0, savings), ranges?.Outside(input) ?? []);
    }

    private static Dictionary<string, double> ToDictionary(float[] contributions)
    {
        var byName = new Dictionary<string, double>(FeatureSchema.Count, StringComparer.Ordinal);
        for (int i = 0; i < FeatureSchema.Count; i++)
        {
            byName[FeatureSchema.Names[i]] = contributions[i];
        }

        return byName;
    }

    private static string Describe(string name, int version) => ModelSelfCheck.Describe(name, version);
}
