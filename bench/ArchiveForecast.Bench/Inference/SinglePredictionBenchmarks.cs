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
    private BenchModel _fixture = null!;
    private IntervalCalibration _calibration = null!;
    private ForecastInput[] _inputs = null!;
    private int _next;

    /// <summary>Rows the model was fitted on (the contract's reference size is 600).</summary>
    [Params(600)]
    public int TrainingRows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = BenchModel.Train(TrainingRows);
        _calibration = IntervalCalibrator.Calibrate(_fixture.Rows, _fixture.Trained.Settings, 42, CsvTrainingDataReader.SourceIdColumn, CancellationToken.None)!;
        _inputs = BenchData.ScoringInputs(1_024);
        _fixture.Model.Predict(_inputs[0]);
        _fixture.Model.Explain(_inputs[0]);
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Baseline = true)]
    public ForecastPrediction Predict() => _fixture.Model.Predict(NextInput());

    /// <summary>What a predict request computes since forecast ranges: the forecast and its ranges at the default level.</summary>
    [Benchmark]
    public PredictionIntervals? PredictWithRanges() => _calibration.Apply(_fixture.Model.Predict(NextInput()), IntervalCalibration.DefaultLevel);

    [Benchmark]
    public ForecastExplanation Explain() => _fixture.Model.Explain(NextInput());

    // Cycling over many inputs walks different paths through the trees, as real traffic does.
    private ForecastInput NextInput() => _inputs[_next++ & (_inputs.Length - 1)];
}
