using System.Text.Json;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Telemetry;
using ArchiveForecast.Training.Batch;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Tests.Batch;

/// <summary>
/// Batch jobs on folder stores with a really trained model: every valid row scored in order with its columns carried
/// through, rejects listed by line, the reject ratio, one version per job, and outputs that appear only when whole.
/// </summary>
[TestFixture]
public sealed class BatchJobRunnerTests
{
    private const string Dataset = "plant-07/2026-11.csv";

    private TrainingHarness harness = null!;
    private string dataRoot = null!;
    private string outputRoot = null!;
    private PredictionsOptions options = null!;

    [OneTimeSetUp]
    public async Task TrainOnce()
    {
        harness = new TrainingHarness();
        var trained = await harness.TrainAsync(TrainingHarness.Csv(600, seed: 3));
        Assert.That(trained.Run.Version, Is.EqualTo(1), trained.Run.Reason);
    }

    [OneTimeTearDown]
    public void Cleanup() => harness.Dispose();

    [SetUp]
    public void SetUp()
    {
        dataRoot = Directory.CreateTempSubdirectory("af-batch-data-").FullName;
        outputRoot = Directory.CreateTempSubdirectory("af-batch-out-").FullName;
        options = new PredictionsOptions { Path = outputRoot };
    }

    [TearDown]
    public void TearDown()
    {
        Directory.Delete(dataRoot, recursive: true);
        Directory.Delete(outputRoot, recursive: true);
    }

    [Test]
    public async Task Run_ScoresEveryValidRowInOrderWithItsColumnsCarriedThrough()
    {
        var bad = new HashSet<int> { 5, 77, 300 };
        WriteDataset(TrainingHarness.CsvText(400, seed: 9, (i, line) => bad.Contains(i) ? BreakMonth(line) : line));
        var run = Request("20261130T000000Z-0000aa01");

        var record = await Runner().RunAsync(run, CancellationToken.None);

        string csvPath = Path.Combine(outputRoot, TrainingHarness.Model, $"{run.RunId}.csv");
        var inputLines = File.ReadAllLines(Path.Combine(dataRoot, Dataset));
        var outputLines = File.ReadAllLines(csvPath);
        var expectedIds = inputLines.Skip(1).Where((_, i) => !bad.Contains(i + 1)).Select(l => l.Split(',')[0]).ToList();
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outputRoot, TrainingHarness.Model, $"{run.RunId}.summary.json")));
        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RunStatus.Succeeded), record.Reason);
            Assert.That(record.Kind, Is.EqualTo(RunKinds.Batch));
            Assert.That(record.Version, Is.EqualTo(1));
            Assert.That(record.RowsScored, Is.EqualTo(397));
            Assert.That(record.RowsRejected, Is.EqualTo(3));
            Assert.That(record.Output, Is.EqualTo($"{TrainingHarness.Model}/{run.RunId}.csv"));
            Assert.That(record.DurationSeconds, Is.GreaterThan(0));
            Assert.That(outputLines[0], Does.StartWith("source_id,month,").And.Contain("actual_archived_gb_next_period")
                .And.EndWith("archived_gb_next_period,savings_gb_next_period,out_of_range,archived_gb_next_period_lower,archived_gb_next_period_upper,savings_gb_next_period_lower,savings_gb_next_period_upper"));
            Assert.That(outputLines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(expectedIds), "one row per valid input, in order, ids carried");
            Assert.That(summary.RootElement.GetProperty("rejected_lines").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(bad.Order().Select(i => i + 1)));
            Assert.That(summary.RootElement.GetProperty("rows_scored").GetInt64(), Is.EqualTo(397));
            Assert.That(summary.RootElement.GetProperty("model_version").GetInt32(), Is.EqualTo(1));
            Assert.That(summary.RootElement.GetRawText(), Does.Not.Contain("not-a-month"), "the summary never holds row contents");
            Assert.That(Directory.GetFiles(Path.Combine(outputRoot, TrainingHarness.Model), "*", SearchOption.AllDirectories).Select(Path.GetFileName),
                Is.EquivalentTo(new[] { $"{run.RunId}.csv", $"{run.RunId}.summary.json" }));
        });
    }

    [Test]
    public async Task Run_WritesTheForecastsOfTheEngineTheApiUses()
    {
        WriteDataset(TrainingHarness.CsvText(50, seed: 4));
        var run = Request("20261130T000000Z-0000aa02");

        await Runner().RunAsync(run, CancellationToken.None);

        var read = await CsvInstanceReader.ReadAsync(File.OpenRead(Path.Combine(dataRoot, Dataset)), CancellationToken.None);
        using var model = ForecastModel.Load(await harness.Registry.LoadVersionAsync(TrainingHarness.Name, 1, CancellationToken.None), TimeProvider.System);
        var expected = model.PredictBatch([.. read.Rows.Select(r => r.Input)]);
        var lines = File.ReadAllLines(Path.Combine(outputRoot, TrainingHarness.Model, $"{run.RunId}.csv"));
        var header = lines[0].Split(',');
        int archived = Array.IndexOf(header, "archived_gb_next_period");
        int lower = Array.IndexOf(header, "archived_gb_next_period_lower");
        var range = model.Card!.Intervals!.Apply(expected[0], 0.8)!;
        Assert.Multiple(() =>
        {
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[archived]), Is.EqualTo(expected.Select(p => ScoredCsv.Number(p.ArchivedGbNextPeriod))));
            Assert.That(lines[1].Split(',')[lower], Is.EqualTo(ScoredCsv.Number(range.ArchivedGbNextPeriod.Lower)), "the forecast range at the default level");
        });
    }

    [Test]
    public async Task Run_MoreRejectsThanTheRatio_FailsSayingWhyAndWritesNoOutput()
    {
        options.MaxRejectRatio = 0.05;
        WriteDataset(TrainingHarness.CsvText(100, seed: 5, (i, line) => i % 10 == 0 ? BreakMonth(line) : line));
        var run = Request("20261130T000000Z-0000aa03");

        var record = await Runner().RunAsync(run, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(record.Reason, Does.Contain("10 of 100 rows were rejected").And.Contain("Predictions:MaxRejectRatio"));
            Assert.That(record.RowsRejected, Is.EqualTo(10));
            Assert.That(record.Rejections![0], Does.StartWith("line 11:"));
            Assert.That(Directory.GetFiles(outputRoot, "*", SearchOption.AllDirectories), Is.Empty, "nothing, not even a temporary file, is left");
        });
    }

    [Test]
    public async Task Run_InterruptedPartWayThenRetried_LeavesExactlyOneCompleteOutput()
    {
        WriteDataset(TrainingHarness.CsvText(12_000, seed: 6));
        var run = Request("20261130T000000Z-0000aa04");
        string folder = Path.Combine(outputRoot, TrainingHarness.Model);
        Directory.CreateDirectory(folder);

        // What a process killed mid-write leaves: a hidden partial file of an earlier attempt.
        File.WriteAllText(Path.Combine(folder, $".{run.RunId}.csv.0123456789abcdef0123456789abcdef.partial"), "source_id,month\nsrc-1,2024-");
        var failing = new FailingDataSource(Source(), failAfterBytes: 500_000);

        await Assert.ThrowsAsync<IOException>(() => Runner(failing).RunAsync(run, CancellationToken.None));
        var interrupted = await harness.Registry.GetRunAsync(run.ModelName, run.RunId, CancellationToken.None);
        bool visibleAfterCrash = File.Exists(Path.Combine(folder, $"{run.RunId}.csv"));

        var record = await Runner().RunAsync(run, CancellationToken.None);

        var lines = File.ReadAllLines(Path.Combine(folder, $"{run.RunId}.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(interrupted!.Status, Is.EqualTo(RunStatus.Running), "left for the queue to deliver again");
            Assert.That(visibleAfterCrash, Is.False, "no partial output looks finished");
            Assert.That(record.Status, Is.EqualTo(RunStatus.Succeeded), record.Reason);
            Assert.That(lines, Has.Length.EqualTo(12_001));
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { $"{run.RunId}.csv", $"{run.RunId}.summary.json" }));
        });
    }

    [Test]
    public async Task Run_PromotionDuringTheJob_ScoresEveryRowWithTheVersionResolvedAtStart()
    {
        const string Model = "pinned";
        var registry = harness.Registry;
        await harness.Runner().RunAsync(
            new TrainingRun { ModelName = ModelName.Parse(Model), Data = TrainingHarness.Csv(300, seed: 7), Trainer = TrainingHarness.Fast }, CancellationToken.None);
        await harness.Runner().RunAsync(
            new TrainingRun { ModelName = ModelName.Parse(Model), Data = TrainingHarness.Csv(300, seed: 8), Trainer = TrainingHarness.Weak, Promote = PromotePolicy.Never }, CancellationToken.None);
        WriteDataset(TrainingHarness.CsvText(9_000, seed: 10));
        var runner = Runner();
        bool promoted = false;
        runner.AfterBatch = async (rows, token) =>
        {
            if (!promoted)
            {
                promoted = true;
                var change = await registry.PromoteAsync(ModelName.Parse(Model), 2, null, "test", "a promotion during a job", token);
                Assert.That(change.Status, Is.EqualTo(PointerChangeStatus.Changed));
            }
        };

        var record = await runner.RunAsync(new BatchRequest(RunId.Parse("20261130T000000Z-0000aa05"), ModelName.Parse(Model), DatasetPath.Parse(Dataset), null, TrainingTriggers.Cli), CancellationToken.None);

        using var first = ForecastModel.Load(await registry.LoadVersionAsync(ModelName.Parse(Model), 1, CancellationToken.None), TimeProvider.System);
        var read = await CsvInstanceReader.ReadAsync(File.OpenRead(Path.Combine(dataRoot, Dataset)), CancellationToken.None);
        var expected = first.PredictBatch([.. read.Rows.Select(r => r.Input)]).Select(p => ScoredCsv.Number(p.SavingsGbNextPeriod));
        var lines = File.ReadAllLines(Path.Combine(outputRoot, Model, "20261130T000000Z-0000aa05.csv"));
        int savings = Array.IndexOf(lines[0].Split(','), "savings_gb_next_period");
        Assert.Multiple(() =>
        {
            Assert.That(promoted, Is.True);
            Assert.That(record.Version, Is.EqualTo(1));
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[savings]), Is.EqualTo(expected), "every row by version 1, before and after the promotion");
        });
    }

    [Test]
    public async Task Run_RecordsRowsRejectsDurationAndRateTaggedWithTheVersion()
    {
        WriteDataset(TrainingHarness.CsvText(100, seed: 13, (i, line) => i == 7 ? BreakMonth(line) : line));
        using var telemetry = new ArchiveForecastTelemetry();
        using var recorder = new TelemetryRecorder(telemetry.Meter, telemetry.ActivitySource);
        var runner = new BatchJobRunner(
            harness.Registry, Source(), new FolderPredictionStore(outputRoot), Options.Create(options), TimeProvider.System, NullLogger<BatchJobRunner>.Instance, telemetry);

        await runner.RunAsync(Request("20261130T000000Z-0000aa10"), CancellationToken.None);

        bool Version1(RecordedMeasurement m) => Equals(m.Tag(TelemetryNames.Tags.ModelVersion), 1) && Equals(m.Tag(TelemetryNames.Tags.ModelName), TrainingHarness.Model);
        Assert.Multiple(() =>
        {
            Assert.That(recorder.Sum(TelemetryNames.Instruments.BatchRows, m => Version1(m) && Equals(m.Tag(TelemetryNames.Tags.Outcome), "scored")), Is.EqualTo(99));
            Assert.That(recorder.Sum(TelemetryNames.Instruments.BatchRows, m => Version1(m) && Equals(m.Tag(TelemetryNames.Tags.Outcome), "rejected")), Is.EqualTo(1));
            Assert.That(recorder.Measurements(TelemetryNames.Instruments.BatchDuration).Single(m => Version1(m)).Tag(TelemetryNames.Tags.Outcome), Is.EqualTo("succeeded"));
            Assert.That(recorder.Measurements(TelemetryNames.Instruments.BatchRowsPerSecond).Single(m => Version1(m)).Value, Is.GreaterThan(0));
            Assert.That(recorder.Activities.Select(a => a.OperationName), Does.Contain(ActivityNames.ScoreBatch));
        });
    }

    [Test]
    public async Task Run_AFinishedJob_IsNotRunAgain()
    {
        WriteDataset(TrainingHarness.CsvText(20, seed: 11));
        var run = Request("20261130T000000Z-0000aa06");
        var first = await Runner().RunAsync(run, CancellationToken.None);
        File.Delete(Path.Combine(dataRoot, Dataset));

        var again = await Runner().RunAsync(run, CancellationToken.None);

        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public async Task Run_DatasetThatDoesNotExist_FailsSayingSo()
    {
        var record = await Runner().RunAsync(Request("20261130T000000Z-0000ab07", "plant-07/missing.csv"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(record.Reason, Does.Contain("'plant-07/missing.csv' does not exist"));
        });
    }

    [Test]
    public async Task Run_FileWithoutTheInputColumns_FailsNamingThem()
    {
        WriteDataset("plant,month\np1,2024-01-01\n");

        var record = await Runner().RunAsync(Request("20261130T000000Z-0000aa08"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(record.Reason, Does.Contain("lacks the required columns total_files"));
        });
    }

    [Test]
    public async Task Run_NamedOutput_IsWrittenUnderThatName()
    {
        WriteDataset(TrainingHarness.CsvText(10, seed: 12));

        var record = await Runner().RunAsync(Request("20261130T000000Z-0000aa09", output: "plant-07/2026-11-scored.csv"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(record.Output, Is.EqualTo($"{TrainingHarness.Model}/plant-07/2026-11-scored.csv"));
            Assert.That(File.Exists(Path.Combine(outputRoot, TrainingHarness.Model, "plant-07", "2026-11-scored.csv")), Is.True);
            Assert.That(File.Exists(Path.Combine(outputRoot, TrainingHarness.Model, "plant-07", "2026-11-scored.summary.json")), Is.True);
        });
    }

    private static string BreakMonth(string line)
    {
        var fields = line.Split(',');
        fields[1] = "not-a-month";
        return string.Join(',', fields);
    }

    private static BatchRequest Request(string runId, string dataset = Dataset, string? output = null) =>
        new(RunId.Parse(runId), TrainingHarness.Name, DatasetPath.Parse(dataset), output, TrainingTriggers.Cli);

    private void WriteDataset(string text)
    {
        string path = Path.Combine(dataRoot, Dataset);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private FolderTrainingDataSource Source() => new(Options.Create(new TrainingDataOptions { Path = dataRoot }));

    private BatchJobRunner Runner(ITrainingDataSource? source = null) =>
        new(harness.Registry, source ?? Source(), new FolderPredictionStore(outputRoot), Options.Create(options), TimeProvider.System, NullLogger<BatchJobRunner>.Instance);

    /// <summary>A data source whose streams break after some bytes, as a dropped connection or a killed worker would.</summary>
    private sealed class FailingDataSource(ITrainingDataSource inner, long failAfterBytes) : ITrainingDataSource
    {
        public string Location => inner.Location;

        public async Task<Stream> OpenAsync(DatasetPath dataset, CancellationToken cancellationToken) =>
            new ThrowingStream(await inner.OpenAsync(dataset, cancellationToken), failAfterBytes);
    }
}
