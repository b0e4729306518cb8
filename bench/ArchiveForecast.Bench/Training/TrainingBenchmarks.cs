using ArchiveForecast.Bench.Fixtures;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Modeling;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace ArchiveForecast.Bench.Training;

/// <summary>
/// Fitting the default trainer (target: 200,000 rows ≤ 60 s). Few iterations: one fit of 200,000 rows takes seconds.
/// Peak memory of a whole process is measured separately (`peak-memory`), since BenchmarkDotNet only counts allocations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TrainingBenchmarks
{
    private TrainingExample[] rows = null!;

    [Params(600, 200_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => this.rows = BenchData.TrainingRows(Rows);

    [Benchmark]
    public TrainedModel Fit() => ForecastTrainer.Fit(this.rows, TrainingDefaults.Settings(TrainingDefaults.Trainer), CancellationToken.None);
}
