using ArchiveForecast.Training.Batch;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Pipeline;
using ArchiveForecast.Training.Retraining;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Tests.Jobs;

[TestFixture]
public sealed class RetrainTests
{
    private TrainingHarness harness = null!;
    private string predictionsRoot = null!;
    private BatchJobRunner batches = null!;
    private string dataRoot = null!;
    private InProcessRetrainQueue queue = null!;
    private RetrainCoordinator coordinator = null!;
    private RetrainJob handler = null!;

    [SetUp]
    public void SetUp()
    {
        harness = new TrainingHarness();
        harness.Options.NumberOfTrees = 40;
        harness.Options.Trainer = Core.Modeling.TrainerKind.LightGbm;
        dataRoot = Directory.CreateTempSubdirectory("af-datasets-").FullName;
        Directory.CreateDirectory(Path.Combine(dataRoot, "2026"));
        File.WriteAllText(Path.Combine(dataRoot, "2026", "archive.csv"), TrainingHarness.CsvText());
        var options = Options.Create(harness.Options);
        queue = new InProcessRetrainQueue();
        coordinator = new RetrainCoordinator(harness.Registry, queue, TimeProvider.System, options, NullLogger<RetrainCoordinator>.Instance);
        var source = new FolderTrainingDataSource(Options.Create(new TrainingDataOptions { Path = dataRoot }));
        handler = new RetrainJob(harness.Registry, harness.Runner(), source, options, TimeProvider.System, NullLogger<RetrainJob>.Instance);
        predictionsRoot = Directory.CreateTempSubdirectory("af-predictions-").FullName;
        batches = new BatchJobRunner(
            harness.Registry, source, new FolderPredictionStore(predictionsRoot), Options.Create(new PredictionsOptions()), TimeProvider.System, NullLogger<BatchJobRunner>.Instance);
    }

    [TearDown]
    public void TearDown()
    {
        harness.Dispose();
        Directory.Delete(dataRoot, recursive: true);
        Directory.Delete(predictionsRoot, recursive: true);
    }

    [Test]
    public async Task Submit_SavesAQueuedRecordAndEnqueuesTheRequest()
    {
        var record = await coordinator.SubmitAsync(TrainingHarness.Name, DatasetPath.Parse("2026/archive.csv"), TrainingTriggers.Http, CancellationToken.None);

        var saved = await harness.Registry.GetRunAsync(TrainingHarness.Name, RunId.Parse(record.RunId), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RunStatus.Queued));
            Assert.That(record.RunId, Does.Match("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$"));
            Assert.That(saved!.Status, Is.EqualTo(RunStatus.Queued));
            Assert.That(saved.Dataset, Is.EqualTo("2026/archive.csv"));
            Assert.That(queue.Reader.TryRead(out var request), Is.True);
            Assert.That(request, Is.EqualTo(new RetrainRequest(RunId.Parse(record.RunId), TrainingHarness.Name, DatasetPath.Parse("2026/archive.csv"), TrainingTriggers.Http)));
        });
    }

    [TestCase("../secrets.csv")]
    [TestCase("%2e%2e/secrets.csv")]
    [TestCase("https://evil.example/a.csv")]
    [TestCase("/etc/passwd")]
    public void Submit_DatasetOutsideTheTrainingData_IsRefusedWhereItEnters(string dataset) =>
        Assert.That(() => DatasetPath.Parse(dataset), Throws.ArgumentException.With.Message.StartsWith(DatasetPath.Rule));

    [TestCase("../x")]
    [TestCase("Upper")]
    [TestCase("")]
    public void Submit_InvalidModelName_IsRefusedWhereItEnters(string model) =>
        Assert.That(() => ModelName.Parse(model), Throws.ArgumentException.With.Message.StartsWith(ModelName.Rule));

    [Test]
    public async Task Submit_NoDatasetAndNoDefault_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => coordinator.SubmitAsync(TrainingHarness.Name, null, TrainingTriggers.Timer, CancellationToken.None));

    [Test]
    public async Task Submit_NoDataset_UsesTheConfiguredDefault()
    {
        harness.Options.DefaultDataset = "2026/archive.csv";

        var record = await coordinator.SubmitAsync(TrainingHarness.Name, null, TrainingTriggers.Timer, CancellationToken.None);
        queue.Reader.TryRead(out var request);
        var result = await handler.HandleAsync(request!, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(record.Dataset, Is.EqualTo("2026/archive.csv"));
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Succeeded));
        });
    }

    [Test]
    public async Task Worker_RunsASubmittedRequestToANewVersion()
    {
        using var worker = new InProcessRetrainWorker(queue, handler, NullLogger<InProcessRetrainWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);

        var queued = await coordinator.SubmitAsync(TrainingHarness.Name, DatasetPath.Parse("2026/archive.csv"), TrainingTriggers.Http, CancellationToken.None);
        var finished = await WaitForFinishAsync(queued.RunId);
        await worker.StopAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(finished.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(finished.Version, Is.EqualTo(1));
            Assert.That(finished.Promoted, Is.True);
            Assert.That(finished.Trigger, Is.EqualTo(TrainingTriggers.Http));
            Assert.That(finished.CreatedAt, Is.EqualTo(queued.CreatedAt), "the queued record's acceptance time is kept");
        });
    }

    [Test]
    public async Task Handle_RunAlreadyFinished_DoesNotTrainAgain()
    {
        var queued = await coordinator.SubmitAsync(TrainingHarness.Name, DatasetPath.Parse("2026/archive.csv"), TrainingTriggers.Queue, CancellationToken.None);
        queue.Reader.TryRead(out var request);
        await handler.HandleAsync(request!, CancellationToken.None);

        var again = await handler.HandleAsync(request!, CancellationToken.None);

        var versions = await harness.VersionsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(again.Run.RunId, Is.EqualTo(queued.RunId));
            Assert.That(again.Run.Version, Is.EqualTo(1));
            Assert.That(versions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Handle_MissingDataset_FailsTheRunSayingWhich()
    {
        var queued = await coordinator.SubmitAsync(TrainingHarness.Name, DatasetPath.Parse("2026/none.csv"), TrainingTriggers.Queue, CancellationToken.None);
        queue.Reader.TryRead(out var request);

        var result = await handler.HandleAsync(request!, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.InvalidData));
            Assert.That(result.Run.RunId, Is.EqualTo(queued.RunId));
            Assert.That(result.Run.Reason, Does.Contain("'2026/none.csv' does not exist"));
        });
    }

    [Test]
    public async Task Handle_TraversalInAQueueMessage_FailsTheRunWithoutOpeningAnything()
    {
        string message = $$"""{"run_id":"20260101T000000Z-0000abcd","model_name":"{{TrainingHarness.Model}}","dataset":"../../etc/passwd","trigger":"queue"}""";

        var result = await Consumer().HandleAsync(message, dequeueCount: 1, CancellationToken.None);
        var saved = await harness.Registry.GetRunAsync(TrainingHarness.Name, RunId.Parse("20260101T000000Z-0000abcd"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.InvalidData));
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(result.Run.Reason, Does.Contain(DatasetPath.Rule));
            Assert.That(saved?.Status, Is.EqualTo(RunStatus.Failed));
        });
    }

    [Test]
    public async Task Handle_InvalidRunIdInAQueueMessage_IsRefusedWithoutARecord()
    {
        string message = $$"""{"run_id":"../x","model_name":"{{TrainingHarness.Model}}","dataset":"2026/archive.csv","trigger":"queue"}""";

        var refused = await Assert.ThrowsAsync<FormatException>(() => Consumer().HandleAsync(message, dequeueCount: 1, CancellationToken.None));
        var runs = await harness.Registry.Store.ListAsync("_runs/", CancellationToken.None).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Message, Does.Contain(RunId.Rule));
            Assert.That(runs, Is.Empty);
        });
    }

    [Test]
    public async Task Enqueue_FullQueue_Throws()
    {
        for (int i = 0; i < InProcessRetrainQueue.Capacity; i++)
        {
            await queue.EnqueueAsync(new RetrainRequest(RunId.Parse($"run-{i}"), TrainingHarness.Name, null, TrainingTriggers.Http), CancellationToken.None);
        }

        await Assert.ThrowsAsync<RetrainQueueFullException>(() =>
            queue.EnqueueAsync(new RetrainRequest(RunId.Parse("run-x"), TrainingHarness.Name, null, TrainingTriggers.Http), CancellationToken.None));
    }

    [Test]
    public void Message_WithoutAKind_IsARetraining_AndAnUnknownKindIsRefused()
    {
        var old = RetrainMessage.Deserialize("""{"run_id":"r-1","model_name":"archive-forecast","dataset":null,"trigger":"http"}""");

        Assert.Multiple(() =>
        {
            Assert.That(old.IsBatch, Is.False);
            Assert.That(() => RetrainMessage.Deserialize("""{"run_id":"r-1","model_name":"archive-forecast","trigger":"http","kind":"delete"}"""), Throws.TypeOf<FormatException>());
            Assert.That(() => RetrainMessage.Deserialize("""{"run_id":"r-1","model_name":"archive-forecast","trigger":"http","kind":"batch"}"""), Throws.TypeOf<FormatException>(), "a batch job needs a dataset");
        });
    }

    [Test]
    public async Task Consumer_BatchMessage_RunsTheBatchJobWithTheServedVersion()
    {
        await harness.TrainAsync(TrainingHarness.Csv());
        var request = new BatchRequest(RunId.Parse("20261201T000000Z-0000cc01"), TrainingHarness.Name, DatasetPath.Parse("2026/archive.csv"), "december", TrainingTriggers.Http);

        var result = await Consumer().HandleAsync(RetrainMessage.Serialize(request), 1, CancellationToken.None);
        var versions = await harness.VersionsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Succeeded), result.Run.Reason);
            Assert.That(result.Run.Kind, Is.EqualTo(RunKinds.Batch));
            Assert.That(result.Run.Version, Is.EqualTo(1));
            Assert.That(File.ReadLines(Path.Combine(predictionsRoot, TrainingHarness.Model, "december.csv")).Count(), Is.EqualTo(601));
            Assert.That(versions, Has.Count.EqualTo(1), "a batch message trains nothing");
        });
    }

    [Test]
    public async Task Consumer_BatchMessageWithARefusedDataset_FailsTheJobAtOnce()
    {
        const string text = """{"run_id":"20261201T000000Z-0000cc02","model_name":"archive-forecast","dataset":"../etc/passwd","trigger":"http","kind":"batch"}""";

        var result = await Consumer().HandleAsync(text, 1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(result.Run.Kind, Is.EqualTo(RunKinds.Batch));
            Assert.That(result.Run.Reason, Does.Contain("refused"));
        });
    }

    private RetrainMessageConsumer Consumer() =>
        new(handler, batches, harness.Registry, Options.Create(new RetrainQueueOptions()), TimeProvider.System, NullLogger<RetrainMessageConsumer>.Instance);

    private async Task<RunRecord> WaitForFinishAsync(string runId)
    {
        // Polls the record the worker writes; the bound only stops a broken worker from hanging the suite.
        var record = await Eventually.UntilAsync(
            () => harness.Registry.GetRunAsync(TrainingHarness.Name, RunId.Parse(runId), CancellationToken.None),
            run => run is { Status: RunStatus.Succeeded or RunStatus.Failed },
            TimeSpan.FromMinutes(2),
            TimeSpan.FromMilliseconds(100));
        Assert.That(record?.Status, Is.AnyOf(RunStatus.Succeeded, RunStatus.Failed), $"run {runId} did not finish");
        return record!;
    }
}
