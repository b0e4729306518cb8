using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Training.Tests.Jobs;

/// <summary>The training lock: a lost lease stops the run and says why; a busy lock is retried with backoff.</summary>
[TestFixture]
public sealed class TrainingLockTests
{
    private TrainingHarness harness = null!;
    private LeaseControlStore store = null!;
    private ModelRegistry registry = null!;

    [SetUp]
    public void SetUp()
    {
        harness = new TrainingHarness();
        store = new LeaseControlStore(harness.Registry.Store);
        registry = new ModelRegistry(store, TimeProvider.System);
    }

    [TearDown]
    public void TearDown() => harness.Dispose();

    [Test]
    public async Task Run_LeaseLostWhileTraining_FailsSayingWhyAndPublishesNothing()
    {
        var progress = new SyncProgress(p =>
        {
            if (p.Stage == TrainingStage.Fitting)
            {
                store.LoseLeases("the lease on archive-forecast/training.lock could not be renewed (simulated)");
            }
        });

        var result = await Runner().RunAsync(TrainingHarness.Request(TrainingHarness.Csv()), progress, CancellationToken.None);
        var record = await registry.FindRunAsync(RunId.Parse(result.Run.RunId), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.LockLost));
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(record.Reason, Does.StartWith("the training lock was lost: ").And.Contain("could not be renewed (simulated)"));
            Assert.That(record.Version, Is.Null);
        });
        Assert.That(await registry.ListVersionsAsync(TrainingHarness.Name, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Run_LockBusyForAWhile_IsRetriedWithBackoffAndSucceeds()
    {
        harness.Options.LockRetryDelay = TimeSpan.FromMilliseconds(20);
        harness.Options.LockWaitTimeout = TimeSpan.FromSeconds(30);
        store.BusyAttempts = 3;

        var result = await Runner().RunAsync(TrainingHarness.Request(TrainingHarness.Csv()), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.None), result.Run.Reason);
            Assert.That(store.Attempts, Is.EqualTo(4));
            Assert.That(result.Run.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Run_LockBusyPastTheWaitTimeout_FailsBusySayingHowLongItWaited()
    {
        harness.Options.LockRetryDelay = TimeSpan.FromMilliseconds(50);
        harness.Options.LockWaitTimeout = TimeSpan.FromMilliseconds(400);
        store.BusyAttempts = int.MaxValue;

        var result = await Runner().RunAsync(TrainingHarness.Request(TrainingHarness.Csv()), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.Busy));
            Assert.That(result.Run.Reason, Does.StartWith("another training of archive-forecast is running (waited "));
            Assert.That(store.Attempts, Is.InRange(3, 5), "50, 100 and 200 ms apart, within 400 ms");
        });
    }

    private TrainingRunner Runner() =>
        new(registry, Microsoft.Extensions.Options.Options.Create(harness.Options), TimeProvider.System, NullLogger<TrainingRunner>.Instance);

    /// <summary>Reports on the caller's thread, so the lease is lost at a known point of the run.</summary>
    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
