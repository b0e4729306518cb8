using System.Text;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Integration.Tests.Faults;

/// <summary>
/// What the served model does when the Blob store misbehaves: every fault keeps the last good model (or none, with a
/// reason), is logged, and heals without a restart once the store is right again.
/// </summary>
[Category("Integration")]
[Category("Slow")]
public sealed class BlobServingFaultTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static AzuriteInstance Azurite => SharedAzurite.Instance;

    [Test]
    public async Task Serving_WhenTheStoreIsDownAtStart_ServesNothing_ThenLoadsWithoutRestartWhenTheStoreReturns()
    {
        // An Azurite of its own: this test stops the store and starts it again, keeping its blobs in a data folder; the
        // shared instance is in memory and serves every other fixture.
        using var data = new TempFolder();
        await using var persistent = await AzuriteInstance.StartAsync(new AzuriteSettings(DataFolder: data.Path));
        var container = $"models-{Guid.NewGuid():N}"[..20];
        await using (var publisher = BlobWorld.Create(persistent, TimeSpan.Zero, container))
        {
            await publisher.TrainAsync(seed: 1);
        }

        await persistent.StopAsync(graceful: true);
        await using var serving = BlobWorld.Create(persistent, TimeSpan.FromSeconds(1), container);
        await serving.StartServingAsync();
        var model = serving.Catalog.Default;
        var triedWhileDown = await Eventually.TrueAsync(() => model.LoadState.ConsecutiveFailures >= 1, Patience);
        var servedWhileDown = model.Current;
        var errorWhileDown = model.LoadState.LastError;

        await persistent.RestartAsync();
        var recovered = await Eventually.TrueAsync(() => model.Current is not null, Patience);

        Assert.Multiple(() =>
        {
            Assert.That(triedWhileDown, Is.True, "no load was attempted while the store was down");
            Assert.That(servedWhileDown, Is.Null);
            Assert.That(errorWhileDown, Does.Contain("could not be read"));
            Assert.That(recovered, Is.True, $"not loaded after the store came back: {model.LoadState.LastError}");
            Assert.That(model.Current?.Version, Is.EqualTo(1));
            Assert.That(model.LoadState.LastError, Is.Null);
        });
    }

    [Test]
    public async Task Reload_WhenThePointerNamesAMissingVersion_KeepsTheLastGoodModelAndLogs()
    {
        await using var world = await ServingVersionOneAsync();
        var pointer = await world.Registry.GetPointerAsync(ModelName.Parse(ModelName.Default), CancellationToken.None);
        await world.Registry.Store.WriteAsync(
            $"{ModelName.Default}/current.json",
            Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(pointer!.Value with { Version = 9, PreviousVersion = 1 }, ArtifactJson.Options)),
            WritePrecondition.Matches(pointer.ETag),
            CancellationToken.None);

        var result = await world.Catalog.Default.ReloadAsync(force: false, CancellationToken.None);

        AssertKeptVersionOne(world, result, "9");
    }

    [Test]
    public async Task Reload_WhenAFileNoLongerMatchesItsManifestHash_KeepsTheLastGoodModelAndLogs()
    {
        await using var world = await ServingVersionOneAsync();
        await world.TrainAsync(seed: 2, PromotePolicy.Never);
        await TamperAsync(world, $"{ModelName.Default}/versions/2/{ArtifactFiles.ModelCard}", bytes => bytes[^3] ^= 0x01);
        await PromoteByAnotherWriterAsync(world, 2);

        var result = await world.Catalog.Default.ReloadAsync(force: false, CancellationToken.None);

        AssertKeptVersionOne(world, result, ArtifactFiles.ModelCard);
    }

    [Test]
    public async Task Reload_WhenModelZipIsTruncated_KeepsTheLastGoodModelAndLogs()
    {
        await using var world = await ServingVersionOneAsync();
        await world.TrainAsync(seed: 3, PromotePolicy.Never);
        var path = $"{ModelName.Default}/versions/2/{ArtifactFiles.Model}";
        var blob = world.AdminModels.GetBlobClient(path);
        var full = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        await blob.UploadAsync(BinaryData.FromBytes(full.AsMemory(0, full.Length / 2)), overwrite: true);
        await PromoteByAnotherWriterAsync(world, 2);

        var result = await world.Catalog.Default.ReloadAsync(force: false, CancellationToken.None);

        AssertKeptVersionOne(world, result, ArtifactFiles.Model);
    }

    private static async Task<BlobWorld> ServingVersionOneAsync()
    {
        var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await world.TrainAsync(seed: 1);
        var first = await world.Catalog.Default.ReloadAsync(force: false, CancellationToken.None);
        Assert.That(first.Outcome, Is.EqualTo(ReloadOutcome.Swapped), first.Error);
        return world;
    }

    /// <summary>
    /// Moves the pointer as another process would (a training run in this process serves its own promotion at once, so
    /// the damaged version is published as a candidate first and promoted through the registry).
    /// </summary>
    private static async Task PromoteByAnotherWriterAsync(BlobWorld world, int version)
    {
        var result = await world.Registry.PromoteAsync(ModelName.Parse(ModelName.Default), version, null, "another writer", "promote the damaged version", CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Changed), result.Detail);
    }

    private static async Task TamperAsync(BlobWorld world, string path, Action<byte[]> change)
    {
        var blob = world.AdminModels.GetBlobClient(path);
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        change(bytes);
        await blob.UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
    }

    private static void AssertKeptVersionOne(BlobWorld world, ReloadResult result, string named)
    {
        var model = world.Catalog.Default;
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ReloadOutcome.Failed));
            Assert.That(result.ServedVersion, Is.EqualTo(1));
            Assert.That(model.Current?.Version, Is.EqualTo(1));
            Assert.That(model.LoadState.LastError, Does.Contain(named));
            Assert.That(
                world.Logs.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category.EndsWith(nameof(ServedModel), StringComparison.Ordinal)),
                Is.Not.Empty,
                "the failed load was not logged");
        });
    }
}
