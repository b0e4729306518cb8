using ArchiveForecast.Core.Releases;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Core.Tests.Releases;

/// <summary>
/// The shadow worker is one thread of its own at the lowest OS priority (Linux), so the scheduler gives the cores to
/// the answers; it still scores and compares what it takes, and it ends with its release.
/// </summary>
[TestFixture]
public sealed class ShadowWorkerTests
{
    private const int SchedIdle = 5;

    private static readonly ModelRelease Shadow = new(
        "r-1", 2, 1.0, ReleaseMode.Shadow, DateTimeOffset.UnixEpoch, "test", new ReleaseGuards(1_000_000, 0.02, 2, 100));

    private static ActiveRelease Release(ForecastModel candidate) =>
        new("archive-forecast", Shadow, 1, candidate, 16, ShadowPriority.Lowest, null, (_, _) => Task.CompletedTask, NullLogger.Instance);

    private static (ForecastModel Model, List<ForecastInput> Inputs) Candidate()
    {
        var model = ForecastModel.FromZip("archive-forecast", 2, TrainedModels.Get(TrainerKind.FastTree).ModelZip, null, TimeProvider.System);
        var inputs = new SyntheticDataBuilder().WithRows(3).WithSeed(5).Build().Select(r => r.Input).ToList();
        return (model, inputs);
    }

    // The fields of /proc/self/task/<tid>/stat after the command name: index 0 is field 3 (state), per proc(5).
    private static string[] StatFields(int tid)
    {
        string stat = File.ReadAllText($"/proc/self/task/{tid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    [Test]
    public async Task OnLinux_TheShadowWorkerIsItsOwnThread_AtNice19AndSchedIdle()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("The worker's priority is lowered on Linux only.");
        }

        var (model, _) = Candidate();
        using var _ = model;
        string processNice = StatFields(Environment.ProcessId)[19 - 3];
        await using var release = Release(model);

        Assert.That(await Eventually.TrueAsync(() => release.ShadowWorkerThreadId is not null), Is.True);
        int tid = release.ShadowWorkerThreadId!.Value;
        var fields = StatFields(tid);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText($"/proc/self/task/{tid}/comm").Trim(), Is.EqualTo("Shadow scoring"));
            Assert.That(fields[19 - 3], Is.EqualTo("19"), "nice");
            Assert.That(fields[41 - 3], Is.EqualTo(SchedIdle.ToString(System.Globalization.CultureInfo.InvariantCulture)), "policy");
            Assert.That(StatFields(Environment.ProcessId)[19 - 3], Is.EqualTo(processNice), "the main thread keeps its priority");
        });
    }

    [Test]
    public async Task AtTheLowestPriority_ShadowWorkIsStillScoredAndCompared_AndTheAnswerIsUntouched()
    {
        var (model, inputs) = Candidate();
        using var _ = model;
        await using var release = Release(model);
        var served = model.PredictBatch(inputs);
        var before = served.Select(p => (p.ArchivedGbNextPeriod, p.SavingsGbNextPeriod)).ToList();

        Assert.That(release.OfferShadow(inputs, served), Is.True);

        // Nothing is served meanwhile, so the work is never dropped; but SCHED_IDLE only runs when no other thread of
        // the machine wants a core, and a machine busy with parallel test runs can starve it for many seconds.
        Assert.That(await Eventually.TrueAsync(() => release.Snapshot().Shadow!.Compared == inputs.Count, TimeSpan.FromMinutes(3)), Is.True);

        var shadow = release.Snapshot().Shadow!;
        Assert.Multiple(() =>
        {
            Assert.That(served.Select(p => (p.ArchivedGbNextPeriod, p.SavingsGbNextPeriod)), Is.EqualTo(before), "the served answers");
            Assert.That(shadow.Dropped, Is.Zero);
            Assert.That(release.Snapshot().Candidate.Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AfterTheReleaseEnds_ShadowWorkIsDroppedAndCounted_AndTheWorkerThreadIsGone()
    {
        var (model, inputs) = Candidate();
        using var _ = model;
        var release = Release(model);
        var served = model.PredictBatch(inputs);
        Assert.That(await Eventually.TrueAsync(() => release.ShadowWorkerThreadId is not null || !OperatingSystem.IsLinux()), Is.True);
        int? tid = release.ShadowWorkerThreadId;

        await release.DisposeAsync();
        bool taken = release.OfferShadow(inputs, served);

        Assert.Multiple(() =>
        {
            Assert.That(taken, Is.False, "a request that still holds an ended release is not held up by it");
            Assert.That(release.Snapshot().Shadow!.Dropped, Is.EqualTo(1));
        });
        if (tid is int id)
        {
            Assert.That(await Eventually.TrueAsync(() => !Directory.Exists($"/proc/self/task/{id}")), Is.True, "the worker thread exited");
        }
    }
}
