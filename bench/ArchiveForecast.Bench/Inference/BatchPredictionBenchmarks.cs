using ArchiveForecast.Bench.Fixtures;
using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;
using BenchmarkDotNet.Attributes;
using Microsoft.ML;

namespace ArchiveForecast.Bench.Inference;

/// <summary>
/// A batch of 1,000 inputs (target ≤ 8 ms) by each way ML.NET can score it: ForecastModel.PredictBatch (pooled engines,
/// the batch split over the cores), the same engines on one thread, and one Transform over a data view of the batch.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BatchPredictionBenchmarks
{
    private BenchModel fixture = null!;
    private ForecastInput[] inputs = null!;
    private MLContext mlContext = null!;
    private ITransformer transformer = null!;

    [Params(1_000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        fixture = BenchModel.Train(600);
        this.inputs = BenchData.ScoringInputs(BatchSize);
        mlContext = new MLContext(seed: 0);
        using var stream = new MemoryStream(fixture.Trained.ModelZip.ToArray(), writable: false);
        transformer = mlContext.Model.Load(stream, out _);
        fixture.Model.PredictBatch(this.inputs);
        TransformPath();
    }

    [GlobalCleanup]
    public void Cleanup() => fixture.Dispose();

    [Benchmark(Baseline = true, Description = "PredictBatch (pooled engines, parallel)")]
    public IReadOnlyList<ForecastPrediction> PredictBatch() => fixture.Model.PredictBatch(this.inputs);

    [Benchmark(Description = "Predict in a loop (one thread)")]
    public ForecastPrediction[] PredictLoop()
    {
        var predictions = new ForecastPrediction[this.inputs.Length];
        for (int i = 0; i < this.inputs.Length; i++)
        {
            predictions[i] = fixture.Model.Predict(this.inputs[i]);
        }

        return predictions;
    }

    [Benchmark(Description = "Transform over a data view (one thread)")]
    public ForecastPrediction[] TransformPath()
    {
        var rows = new BenchFeatureRow[this.inputs.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = new BenchFeatureRow();
            FeatureBuilder.Write(this.inputs[i], row.Features);
            rows[i] = row;
        }

        var scored = transformer.Transform(mlContext.Data.LoadFromEnumerable(rows));
        var archivedColumn = scored.Schema["ArchivedScore"];
        var savingsColumn = scored.Schema["SavingsScore"];
        var predictions = new ForecastPrediction[rows.Length];
        using var cursor = scored.GetRowCursor([archivedColumn, savingsColumn]);
        var archived = cursor.GetGetter<float>(archivedColumn);
        var savings = cursor.GetGetter<float>(savingsColumn);
        float a = 0, s = 0;
        for (int i = 0; cursor.MoveNext(); i++)
        {
            archived(ref a);
            savings(ref s);
            predictions[i] = new ForecastPrediction(Math.Max(0, a), Math.Max(0, s), []);
        }

        return predictions;
    }
}
