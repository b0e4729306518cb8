using ArchiveForecast.Bench.Fixtures;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Modeling;
using BenchmarkDotNet.Attributes;

namespace ArchiveForecast.Bench.Inference;

/// <summary>
/// What a single prediction's time is made of: the same trainer with 1, 10 and 100 trees per target. The time at one tree
/// is the fixed cost (pool, features, prediction engine, range check); the slope is the cost of the trees.
/// </summary>
[MemoryDiagnoser]
public class PredictionCostBenchmarks
{
    private BenchModel fixture = null!;
    private ForecastInput[] inputs = null!;
    private int next;

    [Params(1, 10, 100)]
    public int Trees { get; set; }

    [Params(TrainerKind.FastForest, TrainerKind.FastTree, TrainerKind.LightGbm)]
    public TrainerKind Trainer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        fixture = BenchModel.Train(600, TrainingDefaults.Settings(Trainer) with { NumberOfTrees = Trees });
        inputs = BenchData.ScoringInputs(1_024);
        fixture.Model.Predict(inputs[0]);
    }

    [GlobalCleanup]
    public void Cleanup() => fixture.Dispose();

    [Benchmark]
    public ForecastPrediction Predict() => fixture.Model.Predict(inputs[next++ & (inputs.Length - 1)]);
}
