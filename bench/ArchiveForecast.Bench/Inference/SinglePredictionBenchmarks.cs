using ArchiveForecast.Bench.Fixtures;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Modeling;
using BenchmarkDotNet.Attributes;

namespace ArchiveForecast.Bench.Inference;

/// <summary>One input at a time, both targets (target: p50 ≤ 20 µs), and one explanation.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SinglePredictionBenchmarks
{
    private BenchModel fixture = null!;
    private IntervalCalibration calibration = null!;
    private ForecastInput[] inputs = null!;
    private int next;

    /// <summary>Rows the model was fitted on (the contract's reference size is 600).</summary>
    [Params(600)]
    public int TrainingRows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        fixture = BenchModel.Train(TrainingRows);
        calibration = IntervalCalibrator.Calibrate(fixture.Rows, fixture.Trained.Settings, 42, CsvTrainingDataReader.SourceIdColumn, CancellationToken.None)!;
        this.inputs = BenchData.ScoringInputs(1_024);
        fixture.Model.Predict(this.inputs[0]);
        fixture.Model.Explain(this.inputs[0]);
    }

    [GlobalCleanup]
    public void Cleanup() => fixture.Dispose();

    [Benchmark(Baseline = true)]
    public ForecastPrediction Predict() => fixture.Model.Predict(NextInput());

    /// <summary>What a predict request computes since forecast ranges: the forecast and its ranges at the default level.</summary>
    [Benchmark]
    public PredictionIntervals? PredictWithRanges() => calibration.Apply(fixture.Model.Predict(NextInput()), IntervalCalibration.DefaultLevel);

    [Benchmark]
    public ForecastExplanation Explain() => fixture.Model.Explain(NextInput());

    // Cycling over many inputs walks different paths through the trees, as real traffic does.
    private ForecastInput NextInput() => this.inputs[next++ & (this.inputs.Length - 1)];
}
