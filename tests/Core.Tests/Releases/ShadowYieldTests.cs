using ArchiveForecast.Core.Releases;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Core.Tests.Releases;

/// <summary>Shadow scoring gives the cores to the answers: it runs in idle moments and is dropped when none comes.</summary>
[TestFixture]
public sealed class ShadowYieldTests
{
    private static readonly ModelRelease Shadow = new(
        "r-1", 2, 1.0, ReleaseMode.Shadow, DateTimeOffset.UnixEpoch, "test", new ReleaseGuards(1_000_000, 0.02, 2, 100));

    private static ActiveRelease Release(ForecastModel candidate) =>
        new("archive-forecast", Shadow, 1, candidate, 16, ShadowPriority.Normal, null, (_, _) => Task.CompletedTask, NullLogger.Instance);

    private static (ForecastModel Model, List<ForecastInput> Inputs) Candidate()
    {
        var model = ForecastModel.FromZip("archive-forecast", 2, TrainedModels.Get(TrainerKind.FastTree).ModelZip, null, TimeProvider.System);
        var inputs = new SyntheticDataBuilder().WithRows(3).WithSeed(5).Build().Select(r => r.Input).ToList();
        return (model, inputs);
    }

    [Test]
    public async Task WhileServedScoringRuns_ShadowWorkIsDroppedAndCounted_NotHeld()
    {
        var (model, inputs) = Candidate();
        using var _ = model;
        await using var release = Release(model);
        var served = model.PredictBatch(inputs);

        release.BeginServing();
        Assert.That(release.OfferShadow(inputs, served), Is.False, "a busy instance does not take shadow work");
        release.EndServing();
        await Task.Delay(50);

        Assert.That(release.Snapshot().Shadow!.Dropped, Is.EqualTo(1));
        Assert.That(release.Snapshot().Shadow!.Compared, Is.Zero, "nothing was scored while the answers had the cores");
        Assert.That(release.Snapshot().Candidate.Requests, Is.Zero);
    }

    [Test]
    public async Task WhenIdle_TheShadowWorkIsScoredAndCompared()
    {
        var (model, inputs) = Candidate();
        using var _ = model;
        await using var release = Release(model);
        var served = model.PredictBatch(inputs);

        Assert.That(release.OfferShadow(inputs, served), Is.True);

        Assert.That(await Eventually.TrueAsync(() => release.Snapshot().Shadow!.Compared == inputs.Count), Is.True);
        Assert.That(release.Snapshot().Shadow!.Dropped, Is.Zero);
        Assert.That(release.Snapshot().Shadow!.MeanAbsLogRatio, Is.Zero.Within(1e-9), "the same model scored both sides");
    }
}
