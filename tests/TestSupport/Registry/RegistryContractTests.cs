using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.TestSupport;

/// <summary>
/// What the registry guarantees on any <see cref="IArtifactStore"/>: exclusive versions, a compare-and-swap pointer,
/// verified loads, runs and the training lock. Each store runs it through a subclass that says how to create a fresh,
/// empty store (a temp folder here; Azurite in the integration tests).
/// </summary>
public abstract class RegistryContractTests
{
    protected const string Model = ModelName.Default;
    protected const string OtherModel = "other-model";
    protected static readonly ModelName Name = ModelName.Parse(Model);

    private IArtifactStore? store;
    private ModelRegistry? registry;

    protected IArtifactStore Store => store ?? throw new InvalidOperationException("No store yet.");

    protected ModelRegistry Registry => registry ?? throw new InvalidOperationException("No registry yet.");

    protected FakeTimeProvider Clock { get; } = new(TestClock.Start);

    private static string MlNetInformationalVersion =>
        typeof(Microsoft.ML.MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";

    [SetUp]
    public async Task CreateRegistryAsync()
    {
        store = await CreateStoreAsync();
        registry = new ModelRegistry(store, Clock);
    }

    [TearDown]
    public Task DeleteRegistryAsync() => DeleteStoreAsync();

    /// <summary>A new, empty store for one test.</summary>
    protected abstract Task<IArtifactStore> CreateStoreAsync();

    /// <summary>Removes what <see cref="CreateStoreAsync"/> made.</summary>
    protected abstract Task DeleteStoreAsync();

    [Test]
    public async Task Publish_OnNewModel_NumbersVersionsOneTwoThree()
    {
        var versions = new List<int>();
        for (int i = 1; i <= 3; i++)
        {
            var manifest = await Registry.PublishAsync(Name, Request($"run-{i}"), CancellationToken.None);
            versions.Add(manifest.Version);
        }

        Assert.That(versions, Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Publish_WritesManifestWithSizeAndSha256OfEveryFile()
    {
        var manifest = await Registry.PublishAsync(Name, Request("run-a"), CancellationToken.None);

        var stored = await Store.ReadJsonAsync<Manifest>(VersionPath(1, ArtifactFiles.Manifest));
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(manifest).Using<Manifest>(SameManifest));
            Assert.That(manifest.SchemaVersion, Is.EqualTo(Manifest.CurrentSchemaVersion));
            Assert.That(manifest.ModelName, Is.EqualTo(Model));
            Assert.That(manifest.RunId, Is.EqualTo("run-a"));
            Assert.That(manifest.CreatedAt, Is.EqualTo(Clock.GetUtcNow()));
            Assert.That(manifest.MlNetVersion, Does.Match(@"^\d+\.\d+\.\d+"), "the release of ML.NET that wrote the model");
            Assert.That(MlNetInformationalVersion, Does.StartWith(manifest.MlNetVersion), "the ML.NET this build runs");
            Assert.That(manifest.Files.Keys, Is.EquivalentTo(new[] { ArtifactFiles.Model, ArtifactFiles.ModelCard, ArtifactFiles.FeatureQuantiles }));
        });
        foreach (var (fileName, entry) in manifest.Files)
        {
            var content = (await Store.ReadAsync(VersionPath(1, fileName), long.MaxValue, CancellationToken.None))!.Content;
            Assert.Multiple(() =>
            {
                Assert.That(entry.Bytes, Is.EqualTo(content.Length), fileName);
                Assert.That(entry.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(content.Span))), fileName);
            });
        }
    }

    [Test]
    public async Task Publish_ByEightConcurrentPublishers_GivesEachItsOwnCompleteVersion()
    {
        const int Publishers = 8;

        var manifests = await Task.WhenAll(Enumerable.Range(1, Publishers).Select(i =>
            Task.Run(() => Registry.PublishAsync(Name, Request($"run-{i}"), CancellationToken.None))));

        Assert.That(manifests.Select(m => m.Version).Order(), Is.EqualTo(Enumerable.Range(1, Publishers)));
        var listed = await Registry.ListVersionsAsync(Name, CancellationToken.None);
        Assert.That(listed.Select(v => v.Status), Is.All.EqualTo(VersionStatus.Candidate));
        foreach (var manifest in manifests)
        {
            // Every file of the version came from the publisher that claimed it.
            var loaded = await Registry.LoadVersionAsync(Name, manifest.Version, CancellationToken.None);
            Assert.Multiple(() =>
            {
                Assert.That(loaded.Card.RunId, Is.EqualTo(manifest.RunId));
                Assert.That(loaded.ModelZip.ToArray(), Is.EqualTo(PublishRequestBuilder.PlaceholderZip(manifest.RunId)));
            });
        }
    }

    [Test]
    public async Task Publish_AfterAnUnfinishedPublish_TakesTheNextNumber()
    {
        await WriteIncompleteVersionAsync(1);

        var manifest = await Registry.PublishAsync(Name, Request("run-b"), CancellationToken.None);

        Assert.That(manifest.Version, Is.EqualTo(2));
    }

    [Test]
    public void Publish_WhenCardNamesAnotherModel_Throws()
    {
        var request = new PublishRequestBuilder().ForModel(OtherModel).Build();

        Assert.That(() => Registry.PublishAsync(Name, request, CancellationToken.None), Throws.ArgumentException);
    }

    [Test]
    public async Task Promote_FirstVersion_WritesPointerWithActorAndReason()
    {
        await PublishAsync(1);

        var result = await Registry.PromoteAsync(Name, 1, null, "alice", "first release", CancellationToken.None);

        var pointer = await Registry.GetPointerAsync(Name, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Changed));
            Assert.That(pointer, Is.Not.Null);
            Assert.That(result.State, Is.EqualTo(pointer));
            Assert.That(pointer!.Value, Is.EqualTo(new ModelPointer(Model, 1, null, Clock.GetUtcNow(), "alice", "first release")));
        });
    }

    [Test]
    public async Task Promote_OverAnotherVersion_RecordsItAsPrevious()
    {
        await PublishAsync(2);
        await PromoteAsync(1);

        var result = await Registry.PromoteAsync(Name, 2, null, "bob", "better", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Changed));
            Assert.That(result.State!.Value.Version, Is.EqualTo(2));
            Assert.That(result.State.Value.PreviousVersion, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Promote_WithCurrentETag_Changes()
    {
        await PublishAsync(2);
        var first = await PromoteAsync(1);

        var result = await Registry.PromoteAsync(Name, 2, first.State!.ETag, "bob", "checked", CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Changed));
    }

    [Test]
    public async Task Promote_WithStaleETag_ConflictsAndLeavesPointer()
    {
        await PublishAsync(3);
        var first = await PromoteAsync(1);
        await PromoteAsync(2);
        var before = await Registry.GetPointerAsync(Name, CancellationToken.None);

        var result = await Registry.PromoteAsync(Name, 3, first.State!.ETag, "carol", "stale", CancellationToken.None);

        var after = await Registry.GetPointerAsync(Name, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Conflict));
            Assert.That(result.State, Is.Null);
            Assert.That(after, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Promote_WithETagWhenNoPointerExists_Conflicts()
    {
        await PublishAsync(1);

        var result = await Registry.PromoteAsync(Name, 1, "\"not-there\"", "carol", "stale", CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Conflict));
    }

    [Test]
    public async Task Promote_TwoRacingWithTheSameETag_ExactlyOneChanges()
    {
        await PublishAsync(3);
        var first = await PromoteAsync(1);

        var results = await Task.WhenAll(
            Task.Run(() => Registry.PromoteAsync(Name, 2, first.State!.ETag, "a", "race", CancellationToken.None)),
            Task.Run(() => Registry.PromoteAsync(Name, 3, first.State!.ETag, "b", "race", CancellationToken.None)));

        var pointer = await Registry.GetPointerAsync(Name, CancellationToken.None);
        var winner = results.Single(r => r.Status == PointerChangeStatus.Changed);
        Assert.Multiple(() =>
        {
            Assert.That(results.Count(r => r.Status == PointerChangeStatus.Conflict), Is.EqualTo(1));
            Assert.That(pointer!.Value.Version, Is.EqualTo(winner.State!.Value.Version));
        });
    }

    [Test]
    public async Task Promote_TwoRacingWithoutETag_ExactlyOneChanges()
    {
        await PublishAsync(3);
        await PromoteAsync(1);
        var racing = new InterceptingArtifactStore(Store);
        var racingRegistry = new ModelRegistry(racing, Clock);
        var bothRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int arrived = 0;
        racing.BeforeWrite = async path =>
        {
            // Both promotes have read the same pointer before either writes: the race the CAS must settle.
            if (path.EndsWith("current.json", StringComparison.Ordinal) && Interlocked.Increment(ref arrived) == 2)
            {
                bothRead.SetResult();
            }

            await bothRead.Task;
        };

        var results = await Task.WhenAll(
            Task.Run(() => racingRegistry.PromoteAsync(Name, 2, null, "a", "race", CancellationToken.None)),
            Task.Run(() => racingRegistry.PromoteAsync(Name, 3, null, "b", "race", CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(results.Count(r => r.Status == PointerChangeStatus.Changed), Is.EqualTo(1));
            Assert.That(results.Count(r => r.Status == PointerChangeStatus.Conflict), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Promote_UnknownVersion_IsVersionNotFound()
    {
        await PublishAsync(1);

        var result = await Registry.PromoteAsync(Name, 9, null, "alice", "typo", CancellationToken.None);

        var pointer = await Registry.GetPointerAsync(Name, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.VersionNotFound));
            Assert.That(pointer, Is.Null);
        });
    }

    [Test]
    public async Task Promote_IncompleteVersion_IsVersionNotFound()
    {
        await PublishAsync(1);
        await WriteIncompleteVersionAsync(2);

        var result = await Registry.PromoteAsync(Name, 2, null, "alice", "too early", CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.VersionNotFound));
    }

    [Test]
    public async Task Rollback_AfterTwoPromotes_ServesThePreviousVersionAgain()
    {
        await PublishAsync(2);
        await PromoteAsync(1);
        await PromoteAsync(2);

        var result = await Registry.RollbackAsync(Name, "ops", "regression", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Changed));
            Assert.That(result.State!.Value.Version, Is.EqualTo(1));
            Assert.That(result.State.Value.PreviousVersion, Is.Null, "the version rolled back from is not a way back");
            Assert.That(result.State.Value.UpdatedBy, Is.EqualTo("ops"));
            Assert.That(result.State.Value.Reason, Is.EqualTo("regression"));
        });
    }

    [Test]
    public async Task Rollback_OverThreePromotes_WalksBackThroughTheHistoryAndNeverToggles()
    {
        await PublishAsync(3);
        await PromoteAsync(1);
        await PromoteAsync(2);
        await PromoteAsync(3);

        var first = await Registry.RollbackAsync(Name, "ops", "3 is bad", CancellationToken.None);
        var second = await Registry.RollbackAsync(Name, "ops", "2 is bad too", CancellationToken.None);
        var third = await Registry.RollbackAsync(Name, "ops", "nothing before 1", CancellationToken.None);
        var pointer = await Registry.GetPointerAsync(Name, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.State!.Value.Version, Is.EqualTo(2));
            Assert.That(first.State.Value.RollbackPath(), Is.EqualTo(new[] { 1 }));
            Assert.That(second.State!.Value.Version, Is.EqualTo(1));
            Assert.That(second.State.Value.RollbackPath(), Is.Empty);
            Assert.That(third.Status, Is.EqualTo(PointerChangeStatus.NoPreviousVersion));
            Assert.That(pointer!.Value.Version, Is.EqualTo(1), "a refused rollback changes nothing");
        });
    }

    [Test]
    public async Task Retire_MakesTheModelUnknown_KeepsItsVersions_AndAPublishRevivesIt()
    {
        await PublishAsync(1);
        await PromoteAsync(1);

        bool retired = await Registry.SetRetiredAsync(Name, retire: true, "ops", "typo", CancellationToken.None);
        bool existsRetired = await Registry.ModelExistsAsync(Name, CancellationToken.None);
        var versionsRetired = await Registry.ListVersionsAsync(Name, CancellationToken.None);
        bool again = await Registry.SetRetiredAsync(Name, retire: true, "ops", "twice", CancellationToken.None);
        await PublishAsync(1);
        bool existsRevived = await Registry.ModelExistsAsync(Name, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(retired, Is.True);
            Assert.That(existsRetired, Is.False, "a retired name answers as unknown");
            Assert.That(versionsRetired, Has.Count.EqualTo(1), "nothing is deleted");
            Assert.That(again, Is.False, "an unknown (retired) model cannot be retired again");
            Assert.That(existsRevived, Is.True, "publishing a version revives the name");
        });
    }

    [Test]
    public async Task Retire_AnUnknownModel_ChangesNothing()
    {
        bool retired = await Registry.SetRetiredAsync(ModelName.Parse("never-trained"), retire: true, "ops", "typo", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(retired, Is.False);
            Assert.That(await Registry.IsRetiredAsync(ModelName.Parse("never-trained"), CancellationToken.None), Is.False);
        });
    }

    [Test]
    public async Task Promote_KeepsTheHistoryMostRecentFirstWithEachVersionOnce()
    {
        await PublishAsync(3);
        await PromoteAsync(1);
        await PromoteAsync(2);
        await PromoteAsync(3);
        await PromoteAsync(1);

        var pointer = await Registry.GetPointerAsync(Name, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(pointer!.Value.Version, Is.EqualTo(1));
            Assert.That(pointer.Value.History, Is.EqualTo(new[] { 3, 2 }));
            Assert.That(pointer.Value.PreviousVersion, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Rollback_WithOnlyOnePromote_IsNoPreviousVersion()
    {
        await PublishAsync(1);
        await PromoteAsync(1);

        var result = await Registry.RollbackAsync(Name, "ops", "nothing before", CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.NoPreviousVersion));
    }

    [Test]
    public async Task Rollback_WithNoPointer_IsNoPreviousVersion()
    {
        var result = await Registry.RollbackAsync(Name, "ops", "empty", CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.NoPreviousVersion));
    }

    [Test]
    public async Task ListVersions_ShowsCurrentCandidatesIncompleteAndPrevious_NewestFirst()
    {
        await Registry.PublishAsync(Name, new PublishRequestBuilder().WithRunId("run-1").WithTrainer("fastforest").WithArchivedMae(3).Build(), CancellationToken.None);
        await Registry.PublishAsync(Name, new PublishRequestBuilder().WithRunId("run-2").WithTrainer("fasttree").WithArchivedMae(2).Build(), CancellationToken.None);
        await Registry.PublishAsync(Name, new PublishRequestBuilder().WithRunId("run-3").WithTrainer("lightgbm").WithArchivedMae(1).Build(), CancellationToken.None);
        await WriteIncompleteVersionAsync(4);
        await PromoteAsync(1);
        await PromoteAsync(2);

        var versions = await Registry.ListVersionsAsync(Name, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(versions.Select(v => v.Version), Is.EqualTo(new[] { 4, 3, 2, 1 }));
            Assert.That(versions.Select(v => v.Status), Is.EqualTo(new[] { VersionStatus.Incomplete, VersionStatus.Candidate, VersionStatus.Current, VersionStatus.Candidate }));
            Assert.That(versions.Select(v => v.IsPrevious), Is.EqualTo(new[] { false, false, false, true }));
            Assert.That(versions[1].RunId, Is.EqualTo("run-3"));
            Assert.That(versions[1].Trainer, Is.EqualTo("lightgbm"));
            Assert.That(versions[1].Metrics!.ArchivedGbNextPeriod.Mae, Is.EqualTo(1));
            Assert.That(versions[1].CreatedAt, Is.EqualTo(Clock.GetUtcNow()));
            Assert.That(versions[0].Metrics, Is.Null);
        });
    }

    [Test]
    public async Task ListVersions_OfUnknownModel_IsEmpty()
    {
        var versions = await Registry.ListVersionsAsync(ModelName.Parse("never-published"), CancellationToken.None);

        Assert.That(versions, Is.Empty);
    }

    [Test]
    public async Task ListModels_NamesEveryPublishedModel()
    {
        await PublishAsync(1);
        await Registry.PublishAsync(ModelName.Parse(OtherModel), new PublishRequestBuilder().ForModel(OtherModel).Build(), CancellationToken.None);

        var models = await Registry.ListModelsAsync(CancellationToken.None);

        Assert.That(models, Is.EqualTo(new[] { Model, OtherModel }));
    }

    [Test]
    public async Task ModelExists_IsTrueOnlyForModelsWithVersions()
    {
        await PublishAsync(1);

        bool published = await Registry.ModelExistsAsync(Name, CancellationToken.None);
        bool unknown = await Registry.ModelExistsAsync(ModelName.Parse(OtherModel), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(published, Is.True);
            Assert.That(unknown, Is.False);
        });
    }

    [Test]
    public async Task LoadVersion_OfPublishedVersion_ReturnsItsFiles()
    {
        var request = Request("run-x");
        await Registry.PublishAsync(Name, request, CancellationToken.None);

        var loaded = await Registry.LoadVersionAsync(Name, 1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Manifest.Version, Is.EqualTo(1));
            Assert.That(loaded.ModelZip.ToArray(), Is.EqualTo(request.ModelZip.ToArray()));
            Assert.That(loaded.Card.RunId, Is.EqualTo("run-x"));
            Assert.That(loaded.Quantiles.Features.Keys, Is.EquivalentTo(request.Quantiles.Features.Keys));
        });
    }

    [TestCase(ArtifactFiles.Model)]
    [TestCase(ArtifactFiles.ModelCard)]
    [TestCase(ArtifactFiles.FeatureQuantiles)]
    public async Task LoadVersion_WithOneByteFlipped_FailsNamingTheFile(string fileName)
    {
        await PublishAsync(1);
        await Store.FlipByteAsync(VersionPath(1, fileName));

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => Registry.LoadVersionAsync(Name, 1, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.FileName, Is.EqualTo(fileName));
            Assert.That(error.Version, Is.EqualTo(1));
            Assert.That(error.Message, Does.Contain($"{fileName} sha256 mismatch: manifest "));
        });
    }

    [Test]
    public async Task LoadVersion_WithAFileTheManifestDoesNotList_FailsNamingIt()
    {
        await PublishAsync(1);
        await Store.WriteAsync(VersionPath(1, "extra.bin"), new byte[] { 1, 2, 3 }, WritePrecondition.None, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => Registry.LoadVersionAsync(Name, 1, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.FileName, Is.EqualTo("extra.bin"));
            Assert.That(error.Message, Does.Contain("not in its manifest"));
        });
    }

    [Test]
    public async Task LoadVersion_WithTruncatedModelZip_FailsNamingTheFile()
    {
        await PublishAsync(1);
        var path = VersionPath(1, ArtifactFiles.Model);
        var bytes = (await Store.ReadAsync(path, long.MaxValue, CancellationToken.None))!.Content.ToArray();
        await Store.WriteAsync(path, bytes.AsMemory(0, bytes.Length / 2), WritePrecondition.None, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => Registry.LoadVersionAsync(Name, 1, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.FileName, Is.EqualTo(ArtifactFiles.Model));
            Assert.That(error.Message, Does.Contain("model.zip size mismatch"));
        });
    }

    [Test]
    public async Task LoadVersion_WithoutManifest_FailsAsMissingVersion()
    {
        await WriteIncompleteVersionAsync(1);

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => Registry.LoadVersionAsync(Name, 1, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.FileName, Is.EqualTo(ArtifactFiles.Manifest));
            Assert.That(error.Message, Does.Contain("manifest.json is missing"));
        });
    }

    [Test]
    public async Task LoadVersion_OfUnknownVersion_FailsAsMissingVersion()
    {
        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => Registry.LoadVersionAsync(Name, 5, CancellationToken.None));

        Assert.That(error!.FileName, Is.EqualTo(ArtifactFiles.Manifest));
    }

    [Test]
    public async Task LoadVersion_WithListedFileMissing_FailsNamingTheFile()
    {
        var request = Request("run-m");
        await WriteVersionByHandAsync(3, request, includeModelZip: false);

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => Registry.LoadVersionAsync(Name, 3, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("model.zip is missing"));
    }

    [Test]
    public async Task LoadVersion_WithCardThatIsNotJson_FailsNamingTheCard()
    {
        await PublishAsync(1);
        await Store.WriteAsync(VersionPath(1, ArtifactFiles.ModelCard), Encoding.UTF8.GetBytes("{ not json"), WritePrecondition.None, CancellationToken.None);
        await Store.RehashManifestAsync(Model, 1);

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => Registry.LoadVersionAsync(Name, 1, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.FileName, Is.EqualTo(ArtifactFiles.ModelCard));
            Assert.That(error.Message, Does.Contain("not valid JSON"));
        });
    }

    [Test]
    public async Task LoadVersion_WithManifestNotListingQuantiles_FailsNamingTheManifest()
    {
        await PublishAsync(1);
        var manifest = await Store.ReadJsonAsync<Manifest>(VersionPath(1, ArtifactFiles.Manifest));
        var files = manifest.Files.Where(f => f.Key != ArtifactFiles.FeatureQuantiles).ToDictionary();
        await Store.WriteJsonAsync(VersionPath(1, ArtifactFiles.Manifest), manifest with { Files = files });

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => Registry.LoadVersionAsync(Name, 1, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("manifest.json does not list feature_quantiles.json"));
    }

    [Test]
    public async Task Runs_SavedThenRead_RoundTripAndOverwrite()
    {
        var queued = RunBuilder("run-42", Model, RunStatus.Queued);
        await Registry.SaveRunAsync(queued, CancellationToken.None);
        var succeeded = queued with { Status = RunStatus.Succeeded, Version = 3, Promoted = true };
        await Registry.SaveRunAsync(succeeded, CancellationToken.None);

        var read = await Registry.GetRunAsync(Name, RunId.Parse("run-42"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(read!.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(read.Version, Is.EqualTo(3));
            Assert.That(read.Promoted, Is.True);
            Assert.That(read.CreatedAt, Is.EqualTo(queued.CreatedAt));
        });
    }

    [Test]
    public async Task FindRun_SavedRun_IsFoundWithOneReadAndNoListing()
    {
        await Registry.SaveRunAsync(RunBuilder("run-a", Model, RunStatus.Running), CancellationToken.None);
        await Registry.SaveRunAsync(RunBuilder("run-b", OtherModel, RunStatus.Failed), CancellationToken.None);
        var counting = new InterceptingArtifactStore(Store);
        var registry = new ModelRegistry(counting, Clock);

        var found = await registry.FindRunAsync(RunId.Parse("run-b"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found!.ModelName, Is.EqualTo(OtherModel));
            Assert.That(found.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(counting.Reads, Is.EqualTo(1));
            Assert.That(counting.Lists, Is.Zero);
        });
    }

    [Test]
    public async Task FindRun_RecordWrittenBeforeTheIndex_IsFoundAndIndexedOnce()
    {
        // A record as an earlier version wrote it: only at {model}/runs/{id}.json.
        var legacy = RunBuilder("run-old", OtherModel, RunStatus.Succeeded);
        await Store.WriteAsync($"{OtherModel}/runs/run-old.json", JsonSerializer.SerializeToUtf8Bytes(legacy, ArtifactJson.Options), WritePrecondition.None, CancellationToken.None);
        var counting = new InterceptingArtifactStore(Store);
        var registry = new ModelRegistry(counting, Clock);

        var first = await registry.FindRunAsync(RunId.Parse("run-old"), CancellationToken.None);
        int listsAfterFirst = counting.Lists;
        var again = await registry.FindRunAsync(RunId.Parse("run-old"), CancellationToken.None);
        var unknown = await registry.FindRunAsync(RunId.Parse("run-never"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first!.ModelName, Is.EqualTo(OtherModel));
            Assert.That(again!.RunId, Is.EqualTo("run-old"));
            Assert.That(unknown, Is.Null);
            Assert.That(listsAfterFirst, Is.GreaterThan(0), "the first miss copies earlier records into the index");
            Assert.That(counting.Lists, Is.EqualTo(listsAfterFirst), "later lookups, found or not, list nothing");
        });
    }

    [Test]
    public async Task ListModels_IgnoresTheRunIndex()
    {
        await Registry.SaveRunAsync(RunBuilder("run-a", Model, RunStatus.Running), CancellationToken.None);
        _ = await Registry.FindRunAsync(RunId.Parse("run-none"), CancellationToken.None);

        var models = await Registry.ListModelsAsync(CancellationToken.None);

        Assert.That(models, Is.EqualTo(new[] { Model }));
    }

    [Test]
    public async Task FindRun_SearchesEveryModel()
    {
        await Registry.SaveRunAsync(RunBuilder("run-a", Model, RunStatus.Running), CancellationToken.None);
        await Registry.SaveRunAsync(RunBuilder("run-b", OtherModel, RunStatus.Failed), CancellationToken.None);

        var found = await Registry.FindRunAsync(RunId.Parse("run-b"), CancellationToken.None);
        var missing = await Registry.FindRunAsync(RunId.Parse("run-c"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found!.ModelName, Is.EqualTo(OtherModel));
            Assert.That(missing, Is.Null);
        });
    }

    [Test]
    public async Task TrainingLock_WhileHeld_IsRefused_AndFreeAfterRelease()
    {
        var first = await Registry.TryAcquireTrainingLockAsync(Name, CancellationToken.None);
        var second = await Registry.TryAcquireTrainingLockAsync(Name, CancellationToken.None);
        var otherModel = await Registry.TryAcquireTrainingLockAsync(ModelName.Parse(OtherModel), CancellationToken.None);
        await first!.DisposeAsync();
        var third = await Registry.TryAcquireTrainingLockAsync(Name, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Null);
            Assert.That(second, Is.Null);
            Assert.That(otherModel, Is.Not.Null);
            Assert.That(third, Is.Not.Null);
        });
        await otherModel!.DisposeAsync();
        await third!.DisposeAsync();
    }

    [Test]
    public void EveryOperation_WithoutModelName_IsRejected()
    {
        // Names are parsed where a request enters (NamePatternTests cover the refusals); the registry only refuses a missing one.
        ModelName missing = null!;

        Assert.Multiple(() =>
        {
            Assert.That(() => Registry.PublishAsync(missing, Request("run-1"), CancellationToken.None), Throws.ArgumentNullException);
            Assert.That(() => Registry.PromoteAsync(missing, 1, null, "a", "r", CancellationToken.None), Throws.ArgumentNullException);
            Assert.That(() => Registry.RollbackAsync(missing, "a", "r", CancellationToken.None), Throws.ArgumentNullException);
            Assert.That(() => Registry.GetPointerAsync(missing, CancellationToken.None), Throws.ArgumentNullException);
            Assert.That(() => Registry.ListVersionsAsync(missing, CancellationToken.None), Throws.ArgumentNullException);
            Assert.That(() => Registry.LoadVersionAsync(missing, 1, CancellationToken.None), Throws.ArgumentNullException);
        });
    }

    [TestCase("../x")]
    [TestCase("a/b")]
    [TestCase("a.b")]
    [TestCase("a b")]
    [TestCase("")]
    [TestCase("x\\..\\y")]
    public void RunOperations_WithUnsafeRunId_AreRejected(string runId)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Registry.SaveRunAsync(RunBuilder(runId, Model, RunStatus.Queued), CancellationToken.None), Throws.ArgumentException);
            Assert.That(() => RunId.Parse(runId), Throws.ArgumentException.With.Message.StartsWith(RunId.Rule), "reading runs takes a parsed id");
        });
    }

    [Test]
    public void RunId_LongerThanEightyCharacters_IsRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RunId.IsValid(new string('a', 80)), Is.True);
            Assert.That(RunId.IsValid(new string('a', 81)), Is.False);
        });
    }

    protected static PublishRequest Request(string runId) => new PublishRequestBuilder().WithRunId(runId).Build();

    protected static string VersionPath(int version, string fileName) => RegistryArrangements.VersionPath(Model, version, fileName);

    protected static RunRecord RunBuilder(string runId, string modelName, RunStatus status) => new()
    {
        RunId = runId,
        ModelName = modelName,
        Status = status,
        Trigger = "cli",
        CreatedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
    };

    protected async Task PublishAsync(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            await Registry.PublishAsync(Name, Request($"run-{i}"), CancellationToken.None);
        }
    }

    protected Task<PointerChangeResult> PromoteAsync(int version) => Registry.PromoteForTestAsync(Model, version);

    /// <summary>What a publisher that crashed after claiming the number leaves behind: model.zip and no manifest.</summary>
    protected Task WriteIncompleteVersionAsync(int version) =>
        Store.WriteAsync(VersionPath(version, ArtifactFiles.Model), PublishRequestBuilder.PlaceholderZip("crashed"), WritePrecondition.CreateOnly, CancellationToken.None);

    protected async Task WriteVersionByHandAsync(int version, PublishRequest request, bool includeModelZip)
    {
        var card = JsonSerializer.SerializeToUtf8Bytes(request.Card, ArtifactJson.Options);
        var quantiles = JsonSerializer.SerializeToUtf8Bytes(request.Quantiles, ArtifactJson.Options);
        if (includeModelZip)
        {
            await Store.WriteAsync(VersionPath(version, ArtifactFiles.Model), request.ModelZip, WritePrecondition.None, CancellationToken.None);
        }

        await Store.WriteAsync(VersionPath(version, ArtifactFiles.ModelCard), card, WritePrecondition.None, CancellationToken.None);
        await Store.WriteAsync(VersionPath(version, ArtifactFiles.FeatureQuantiles), quantiles, WritePrecondition.None, CancellationToken.None);
        await Store.WriteJsonAsync(VersionPath(version, ArtifactFiles.Manifest), new Manifest
        {
            SchemaVersion = Manifest.CurrentSchemaVersion,
            ModelName = Model,
            Version = version,
            MlNetVersion = ModelRegistry.MlNetVersion,
            CreatedAt = Clock.GetUtcNow(),
            RunId = request.Card.RunId,
            Files = new Dictionary<string, ManifestEntry>
            {
                [ArtifactFiles.Model] = new(Convert.ToHexStringLower(SHA256.HashData(request.ModelZip.Span)), request.ModelZip.Length),
                [ArtifactFiles.ModelCard] = new(Convert.ToHexStringLower(SHA256.HashData(card)), card.Length),
                [ArtifactFiles.FeatureQuantiles] = new(Convert.ToHexStringLower(SHA256.HashData(quantiles)), quantiles.Length),
            },
        });
    }

    private static bool SameManifest(Manifest a, Manifest b) =>
        a with { Files = b.Files } == b && a.Files.Count == b.Files.Count && a.Files.All(f => b.Files.TryGetValue(f.Key, out var e) && e == f.Value);
}
