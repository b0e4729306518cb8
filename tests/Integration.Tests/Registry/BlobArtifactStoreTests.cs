using System.Text;
using ArchiveForecast.Core.Configuration;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Integration.Tests.Registry;

[Category("Integration")]
public sealed class BlobArtifactStoreTests
{
    private static AzuriteInstance Azurite => SharedAzurite.Instance;

    [Test]
    public async Task ReadAsync_WhenObjectMissing_ReturnsNull()
    {
        var store = NewStore();

        var read = await store.ReadAsync("m/current.json", 1024, CancellationToken.None);

        Assert.That(read, Is.Null);
    }

    [Test]
    public async Task ReadAsync_ReturnsTheContentWithTheETagItWasWrittenAt()
    {
        var store = NewStore();
        var etag = await store.WriteAsync("m/a.json", Bytes("{\"a\":1}"), WritePrecondition.None, CancellationToken.None);

        var read = await store.ReadAsync("m/a.json", 1024, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Text(read!.Content), Is.EqualTo("{\"a\":1}"));
            Assert.That(read!.ETag, Is.EqualTo(etag));
        });
    }

    [Test]
    public async Task ReadAsync_WhenObjectIsExactlyTheCap_ReturnsIt()
    {
        var store = NewStore();
        await store.WriteAsync("m/model.zip", new byte[4096], WritePrecondition.None, CancellationToken.None);

        var read = await store.ReadAsync("m/model.zip", 4096, CancellationToken.None);

        Assert.That(read!.Content.Length, Is.EqualTo(4096));
    }

    [Test]
    public async Task ReadAsync_WhenObjectIsAboveTheCap_ThrowsArtifactTooLarge()
    {
        var store = NewStore();
        await store.WriteAsync("m/model.zip", new byte[4097], WritePrecondition.None, CancellationToken.None);

        Assert.That(
            async () => await store.ReadAsync("m/model.zip", 4096, CancellationToken.None),
            Throws.TypeOf<ArtifactTooLargeException>().With.Message.Contains("m/model.zip"));
    }

    [Test]
    public async Task GetETagAsync_WhenObjectMissing_ReturnsNull_AndOtherwiseTheWriteETag()
    {
        var store = NewStore();
        var written = await store.WriteAsync("m/b.json", Bytes("{}"), WritePrecondition.CreateOnly, CancellationToken.None);

        var missing = await store.GetETagAsync("m/none.json", CancellationToken.None);
        var present = await store.GetETagAsync("m/b.json", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Null);
            Assert.That(present, Is.EqualTo(written));
        });
    }

    [Test]
    public async Task WriteAsync_CreateOnly_WhenObjectExists_ReturnsNullAndKeepsTheFirstContent()
    {
        var store = NewStore();
        await store.WriteAsync("m/versions/1/manifest.json", Bytes("first"), WritePrecondition.CreateOnly, CancellationToken.None);

        var second = await store.WriteAsync("m/versions/1/manifest.json", Bytes("second"), WritePrecondition.CreateOnly, CancellationToken.None);

        var read = await store.ReadAsync("m/versions/1/manifest.json", 1024, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Null);
            Assert.That(Text(read!.Content), Is.EqualTo("first"));
        });
    }

    [Test]
    public async Task WriteAsync_CreateOnly_WhenManyWritersRace_ExactlyOneWins()
    {
        var store = NewStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.WriteAsync("m/versions/7/claim", Bytes($"writer {i}"), WritePrecondition.CreateOnly, CancellationToken.None)));

        var read = await store.ReadAsync("m/versions/7/claim", 1024, CancellationToken.None);
        var winner = Array.FindIndex(results, r => r is not null);
        Assert.Multiple(() =>
        {
            Assert.That(results.Count(r => r is not null), Is.EqualTo(1));
            Assert.That(Text(read!.Content), Is.EqualTo($"writer {winner}"));
        });
    }

    [Test]
    public async Task WriteAsync_IfMatch_WithTheCurrentETag_ReplacesAndReturnsANewETag()
    {
        var store = NewStore();
        var first = await store.WriteAsync("m/current.json", Bytes("v1"), WritePrecondition.CreateOnly, CancellationToken.None);

        var second = await store.WriteAsync("m/current.json", Bytes("v2"), WritePrecondition.Matches(first!), CancellationToken.None);

        var read = await store.ReadAsync("m/current.json", 1024, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Not.Null.And.Not.EqualTo(first));
            Assert.That(Text(read!.Content), Is.EqualTo("v2"));
        });
    }

    [Test]
    public async Task WriteAsync_IfMatch_WithAStaleETag_ReturnsNullAndChangesNothing()
    {
        var store = NewStore();
        var stale = await store.WriteAsync("m/current.json", Bytes("v1"), WritePrecondition.CreateOnly, CancellationToken.None);
        await store.WriteAsync("m/current.json", Bytes("v2"), WritePrecondition.Matches(stale!), CancellationToken.None);

        var result = await store.WriteAsync("m/current.json", Bytes("v3"), WritePrecondition.Matches(stale!), CancellationToken.None);

        var read = await store.ReadAsync("m/current.json", 1024, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.Null);
            Assert.That(Text(read!.Content), Is.EqualTo("v2"));
        });
    }

    [Test]
    public async Task WriteAsync_IfMatch_WhenObjectMissing_ReturnsNull()
    {
        var store = NewStore();
        var etag = await store.WriteAsync("m/other.json", Bytes("x"), WritePrecondition.None, CancellationToken.None);

        var result = await store.WriteAsync("m/current.json", Bytes("v1"), WritePrecondition.Matches(etag!), CancellationToken.None);

        Assert.That(result, Is.Null);
    }

    [Test]
    public async Task ListAsync_ReturnsEveryPathUnderThePrefixAndNothingElse()
    {
        var store = NewStore();
        foreach (var path in new[] { "a/versions/1/model.zip", "a/versions/2/model.zip", "a/current.json", "ab/versions/1/model.zip" })
        {
            await store.WriteAsync(path, Bytes("x"), WritePrecondition.None, CancellationToken.None);
        }

        var listed = new List<string>();
        await foreach (var path in store.ListAsync("a/versions/", CancellationToken.None))
        {
            listed.Add(path);
        }

        Assert.That(listed, Is.EquivalentTo(new[] { "a/versions/1/model.zip", "a/versions/2/model.zip" }));
    }

    [Test]
    public async Task TryAcquireLeaseAsync_WhenAnotherHolderHasIt_ReturnsNull_AndAfterReleaseItCanBeTaken()
    {
        var store = NewStore();
        var first = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);

        var whileHeld = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);
        await first!.DisposeAsync();
        await using var afterRelease = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Null);
            Assert.That(whileHeld, Is.Null);
            Assert.That(afterRelease, Is.Not.Null);
        });
    }

    [Test]
    public async Task TryAcquireLeaseAsync_WhileHeldPastItsDuration_IsRenewedAndStaysExclusive()
    {
        var store = NewStore();
        await using var held = await store.TryAcquireLeaseAsync("m/training.lock", BlobArtifactStore.MinLeaseDuration, CancellationToken.None);

        // Longer than one lease duration: without renewal the lease would have expired by now.
        await Task.Delay(BlobArtifactStore.MinLeaseDuration + TimeSpan.FromSeconds(5));
        var other = await store.TryAcquireLeaseAsync("m/training.lock", BlobArtifactStore.MinLeaseDuration, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(held, Is.Not.Null);
            Assert.That(other, Is.Null);
        });
    }

    [Test]
    public async Task TryAcquireLeaseAsync_LeaseBrokenByTheService_TellsTheHolderItIsLost()
    {
        var container = new BlobContainerClient(Azurite.ConnectionString, $"lost-{Guid.NewGuid():N}"[..20], AzureRetry.Apply(new BlobClientOptions()));
        var store = new BlobArtifactStore(container, createContainerIfMissing: true, TimeProvider.System, NullLogger<BlobArtifactStore>.Instance);
        await using var held = await store.TryAcquireLeaseAsync("m/training.lock", BlobArtifactStore.MinLeaseDuration, CancellationToken.None);
        var state = (ILeaseState)held!;

        // What an operator (or a lease that expired and was taken) does to it: the next renewal is refused with 409.
        await container.GetBlobClient("m/training.lock").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        bool lost = SpinWait.SpinUntil(() => state.Lost.IsCancellationRequested, BlobArtifactStore.MinLeaseDuration);

        Assert.Multiple(() =>
        {
            Assert.That(lost, Is.True, "renewed every third of 15 s, so lost within one renewal");
            Assert.That(state.LostReason, Does.Contain("m/training.lock").And.Contain("taken or ended"));
        });
    }

    [Test]
    public void Location_IsTheContainerUrlWithoutAnyKey()
    {
        var store = NewStore();

        Assert.Multiple(() =>
        {
            Assert.That(store.Location, Does.StartWith(Azurite.BlobServiceUri.ToString()));
            Assert.That(store.Location, Does.Not.Contain(AzuriteInstance.AccountKey));
        });
    }

    private static BlobArtifactStore NewStore()
    {
        var container = new BlobContainerClient(Azurite.ConnectionString, $"models-{Guid.NewGuid():N}"[..20], AzureRetry.Apply(new BlobClientOptions()));
        return new BlobArtifactStore(container, createContainerIfMissing: true, TimeProvider.System, NullLogger<BlobArtifactStore>.Instance);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
