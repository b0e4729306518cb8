using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Core.Tests.Inference;

[TestFixture]
public sealed class ServedModelTests
{
    private const string Model = ModelName.Default;

    private FolderRegistry folder = null!;
    private ServedModel served = null!;

    [SetUp]
    public void CreateServedModel()
    {
        folder = new FolderRegistry();
        served = new ServedModel(ModelName.Parse(Model), folder.Registry, TimeProvider.System);
    }

    [TearDown]
    public void DeleteStore() => folder.Dispose();

    [Test]
    public async Task Reload_WithNothingPromoted_IsNoPointer_AndServesNothing()
    {
        var result = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ReloadOutcome.NoPointer));
            Assert.That(served.Current, Is.Null);
            Assert.That(served.LoadState.LastError, Does.Contain("No version"));
        });
    }

    [Test]
    public async Task Reload_First_LoadsThePromotedVersion()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));

        var result = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new ReloadResult(ReloadOutcome.Swapped, 1, null)));
            Assert.That(served.Current!.Version, Is.EqualTo(1));
            Assert.That(served.Current.Predict(SampleInput()).ArchivedGbNextPeriod, Is.GreaterThan(0));
            Assert.That(served.LoadState.LastError, Is.Null);
            Assert.That(served.LoadState.ConsecutiveFailures, Is.Zero);
            Assert.That(served.LoadState.LastAttemptAt, Is.Not.Null);
        });
    }

    [Test]
    public async Task Reload_WithPointerUnchanged_IsUnchanged_AndDownloadsNothing()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        await served.ReloadAsync(force: false, CancellationToken.None);
        var loaded = served.Current;

        var result = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ReloadOutcome.Unchanged));
            Assert.That(served.Current, Is.SameAs(loaded));
            Assert.That(folder.Store.ReadsOf(ModelZip(1)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Reload_Forced_LoadsTheSameVersionAgain()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        await served.ReloadAsync(force: false, CancellationToken.None);
        var loaded = served.Current;

        var result = await served.ReloadAsync(force: true, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ReloadOutcome.Swapped));
            Assert.That(served.Current, Is.Not.SameAs(loaded));
            Assert.That(served.Current!.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Reload_AfterPromotingANewVersion_SwapsToIt()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        await served.ReloadAsync(force: false, CancellationToken.None);
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.Second(Model, "run-2"));

        var result = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new ReloadResult(ReloadOutcome.Swapped, 2, null)));
            Assert.That(served.Current!.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Reload_OfCorruptNewerVersion_FailsAndKeepsServingTheOldOne()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        await served.ReloadAsync(force: false, CancellationToken.None);
        var good = served.Current;
        await folder.Registry.PublishAsync(ModelName.Parse(Model), PublishableModels.Second(Model, "run-2"), CancellationToken.None);
        await folder.Store.FlipByteAsync(ModelZip(2));
        await folder.Registry.PromoteForTestAsync(Model, 2);

        var result = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ReloadOutcome.Failed));
            Assert.That(result.ServedVersion, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("version 2").And.Contain("model.zip sha256 mismatch"));
            Assert.That(served.Current, Is.SameAs(good));
            Assert.That(served.LoadState.LastError, Is.EqualTo(result.Error));
            Assert.That(served.LoadState.ConsecutiveFailures, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Reload_OfTheSameCorruptVersionAgain_DoesNotDownloadItAgain()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        await folder.Store.FlipByteAsync(ModelZip(1));
        await served.ReloadAsync(force: false, CancellationToken.None);
        int readsAfterFirstAttempt = folder.Store.ReadsOf(ModelZip(1));

        var again = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(again.Outcome, Is.EqualTo(ReloadOutcome.Failed));
            Assert.That(again.Error, Does.Contain("model.zip"));
            Assert.That(folder.Store.ReadsOf(ModelZip(1)), Is.EqualTo(readsAfterFirstAttempt));
            Assert.That(served.Current, Is.Null);
        });
    }

    [Test]
    public async Task Reload_OfPointerToMissingVersion_FailsAndKeepsServingTheOldOne()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        await served.ReloadAsync(force: false, CancellationToken.None);
        var pointer = new ModelPointer(Model, 7, 1, DateTimeOffset.UnixEpoch, "someone", "hand-edited");
        await folder.Store.WriteJsonAsync($"{Model}/current.json", pointer);

        var result = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ReloadOutcome.Failed));
            Assert.That(result.Error, Does.Contain("version 7").And.Contain("manifest.json is missing"));
            Assert.That(served.Current!.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Reload_WhileStoreIsDownAtStart_ServesNothing_ThenRecoversWhenItComesBack()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        folder.Store.IsDown = true;

        var whileDown = await served.ReloadAsync(force: false, CancellationToken.None);
        var stillDown = await served.ReloadAsync(force: false, CancellationToken.None);
        var stateWhileDown = served.LoadState;
        folder.Store.IsDown = false;
        var afterRecovery = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(whileDown.Outcome, Is.EqualTo(ReloadOutcome.Failed));
            Assert.That(stillDown.Outcome, Is.EqualTo(ReloadOutcome.Failed));
            Assert.That(stateWhileDown.ConsecutiveFailures, Is.EqualTo(2));
            Assert.That(stateWhileDown.LastError, Does.Contain("could not be read"));
            Assert.That(afterRecovery.Outcome, Is.EqualTo(ReloadOutcome.Swapped));
            Assert.That(served.Current!.Version, Is.EqualTo(1));
            Assert.That(served.LoadState.ConsecutiveFailures, Is.Zero);
        });
    }

    [Test]
    public async Task Reload_WhenStoreFailsMidLoad_KeepsTheOldModel_AndRetriesNextTime()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        await served.ReloadAsync(force: false, CancellationToken.None);
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.Second(Model, "run-2"));
        folder.Store.IsDown = true;

        var failed = await served.ReloadAsync(force: false, CancellationToken.None);
        folder.Store.IsDown = false;
        var retried = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Outcome, Is.EqualTo(ReloadOutcome.Failed));
            Assert.That(failed.ServedVersion, Is.EqualTo(1));
            Assert.That(retried.Outcome, Is.EqualTo(ReloadOutcome.Swapped));
            Assert.That(served.Current!.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Reload_OfVersionFailingItsSelfCheck_IsRefused()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        await served.ReloadAsync(force: false, CancellationToken.None);
        await folder.Registry.PublishAsync(ModelName.Parse(Model), PublishableModels.Second(Model, "run-2"), CancellationToken.None);
        await AlterCanariesAsync(2);
        await folder.Registry.PromoteForTestAsync(Model, 2);

        var result = await served.ReloadAsync(force: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ReloadOutcome.Failed));
            Assert.That(result.Error, Does.Contain("version 2").And.Contain("self-check"));
            Assert.That(served.Current!.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Reload_ManyAtOnce_LoadsTheVersionOnce()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => served.ReloadAsync(force: false, CancellationToken.None))));

        Assert.Multiple(() =>
        {
            Assert.That(results.Count(r => r.Outcome == ReloadOutcome.Swapped), Is.EqualTo(1));
            Assert.That(results.Count(r => r.Outcome == ReloadOutcome.Unchanged), Is.EqualTo(5));
            Assert.That(folder.Store.ReadsOf(ModelZip(1)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Readers_DuringSwaps_NeverSeeNoModelOnceOneIsLoaded()
    {
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-1"));
        await folder.Registry.PublishAndPromoteAsync(Model, PublishableModels.Second(Model, "run-2"));
        await served.ReloadAsync(force: false, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var seen = new HashSet<int>();
            int missing = 0;
            while (!stop.IsCancellationRequested)
            {
                if (served.Current is { } model)
                {
                    seen.Add(model.Version);
                    model.Predict(SampleInput());
                }
                else
                {
                    missing++;
                }
            }

            return (seen, missing);
        })).ToArray();

        for (int i = 0; i < 6; i++)
        {
            await folder.Registry.PromoteForTestAsync(Model, i % 2 == 0 ? 1 : 2);
            await served.ReloadAsync(force: false, CancellationToken.None);
        }

        await stop.CancelAsync();
        var observed = await Task.WhenAll(readers);

        Assert.Multiple(() =>
        {
            Assert.That(observed.Sum(o => o.missing), Is.Zero);
            Assert.That(observed.SelectMany(o => o.seen).Distinct(), Is.SubsetOf(new[] { 1, 2 }));
        });
    }

    private static ForecastInput SampleInput() => new ForecastInputBuilder().Build();

    private static string ModelZip(int version) => RegistryArrangements.VersionPath(Model, version, ArtifactFiles.Model);

    /// <summary>Changes every canary's expected output and re-hashes the manifest: the files verify, the model does not reproduce its card.</summary>
    private async Task AlterCanariesAsync(int version)
    {
        var cardPath = RegistryArrangements.VersionPath(Model, version, ArtifactFiles.ModelCard);
        var card = await folder.Store.ReadJsonAsync<ModelCard>(cardPath);
        await folder.Store.WriteJsonAsync(cardPath, card with
        {
            Canaries = [.. card.Canaries.Select(c => c with { Expected = new ForecastTargets((c.Expected.ArchivedGbNextPeriod * 2) + 1, c.Expected.SavingsGbNextPeriod) })],
        });
        await folder.Store.RehashManifestAsync(Model, version);
    }
}
