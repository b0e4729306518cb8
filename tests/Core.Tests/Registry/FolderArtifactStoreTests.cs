using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ArchiveForecast.Core.Tests.Registry;

[TestFixture]
public sealed class FolderArtifactStoreTests
{
    private TempFolder folder = null!;
    private FakeTimeProvider clock = null!;
    private FolderArtifactStore store = null!;

    [SetUp]
    public void CreateStore()
    {
        folder = new TempFolder();
        clock = new FakeTimeProvider(TestClock.Start);
        store = new FolderArtifactStore(folder.Path, clock);
    }

    [TearDown]
    public void DeleteStore() => folder.Dispose();

    [TestCase("model/versions/1/model.zip", true)]
    [TestCase("current.json", true)]
    [TestCase("", false)]
    [TestCase("/etc/passwd", false)]
    [TestCase("a//b", false)]
    [TestCase("a/", false)]
    [TestCase("..", false)]
    [TestCase("a/../b", false)]
    [TestCase("a/./b", false)]
    [TestCase("a\\b", false)]
    [TestCase("..\\..\\b", false)]
    [TestCase("C:/windows", false)]
    [TestCase("a/.lock", false)]
    [TestCase("a/b\u0000c", false)]
    public void IsValidPath_AcceptsOnlyPlainRelativePaths(string path, bool valid)
    {
        Assert.That(FolderArtifactStore.IsValidPath(path), Is.EqualTo(valid));
    }

    [TestCase("../outside.json")]
    [TestCase("a/../../outside.json")]
    [TestCase("/tmp/outside.json")]
    [TestCase("a\\..\\..\\outside.json")]
    public void EveryOperation_WithEscapingPath_IsRejected(string path)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => store.ReadAsync(path, 100, CancellationToken.None), Throws.ArgumentException);
            Assert.That(() => store.GetETagAsync(path, CancellationToken.None), Throws.ArgumentException);
            Assert.That(() => store.WriteAsync(path, Bytes("x"), WritePrecondition.None, CancellationToken.None), Throws.ArgumentException);
            Assert.That(() => store.TryAcquireLeaseAsync(path, TimeSpan.FromSeconds(30), CancellationToken.None), Throws.ArgumentException);
            Assert.That(async () => await store.ListAsync(path, CancellationToken.None).ToListAsync(), Throws.ArgumentException);
        });
        Assert.That(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(folder.Path)!, "outside.json", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task Read_OfMissingObject_IsNull()
    {
        var read = await store.ReadAsync("m/none.json", 100, CancellationToken.None);
        var etag = await store.GetETagAsync("m/none.json", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.Null);
            Assert.That(etag, Is.Null);
        });
    }

    [Test]
    public async Task Write_ThenRead_GivesContentAndTheSameETag()
    {
        var written = await store.WriteAsync("m/a.json", Bytes("hello"), WritePrecondition.None, CancellationToken.None);

        var read = await store.ReadAsync("m/a.json", 100, CancellationToken.None);
        var etag = await store.GetETagAsync("m/a.json", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetString(read!.Content.Span), Is.EqualTo("hello"));
            Assert.That(read.ETag, Is.EqualTo(written));
            Assert.That(etag, Is.EqualTo(written));
            Assert.That(written, Does.StartWith("\"").And.EndWith("\""));
        });
    }

    [Test]
    public async Task ETag_ChangesWhenContentChanges()
    {
        var first = await store.WriteAsync("m/a.json", Bytes("one"), WritePrecondition.None, CancellationToken.None);
        var second = await store.WriteAsync("m/a.json", Bytes("two"), WritePrecondition.None, CancellationToken.None);

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task CreateOnly_WhenObjectExists_FailsAndKeepsContent()
    {
        await store.WriteAsync("m/a.json", Bytes("first"), WritePrecondition.CreateOnly, CancellationToken.None);

        var second = await store.WriteAsync("m/a.json", Bytes("second"), WritePrecondition.CreateOnly, CancellationToken.None);

        var read = await store.ReadAsync("m/a.json", 100, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Null);
            Assert.That(Encoding.UTF8.GetString(read!.Content.Span), Is.EqualTo("first"));
        });
    }

    [Test]
    public async Task CreateOnly_FromManyThreadsAtOnce_ExactlyOneWins()
    {
        const int Writers = 32;
        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await store.WriteAsync("m/versions/1/model.zip", Bytes($"writer {i}"), WritePrecondition.CreateOnly, CancellationToken.None);
        })).ToArray();

        start.Set();
        var results = await Task.WhenAll(writers);

        int winner = Array.FindIndex(results, r => r is not null);
        var read = await store.ReadAsync("m/versions/1/model.zip", 100, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(results.Count(r => r is not null), Is.EqualTo(1));
            Assert.That(Encoding.UTF8.GetString(read!.Content.Span), Is.EqualTo($"writer {winner}"));
        });
    }

    [Test]
    public async Task IfMatch_WithCurrentETag_Replaces_AndWithOldETag_Fails()
    {
        var first = await store.WriteAsync("m/current.json", Bytes("1"), WritePrecondition.CreateOnly, CancellationToken.None);
        var second = await store.WriteAsync("m/current.json", Bytes("2"), WritePrecondition.Matches(first!), CancellationToken.None);

        var stale = await store.WriteAsync("m/current.json", Bytes("3"), WritePrecondition.Matches(first!), CancellationToken.None);

        var read = await store.ReadAsync("m/current.json", 100, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Not.Null);
            Assert.That(stale, Is.Null);
            Assert.That(Encoding.UTF8.GetString(read!.Content.Span), Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task IfMatch_OnMissingObject_Fails()
    {
        var result = await store.WriteAsync("m/current.json", Bytes("1"), WritePrecondition.Matches("\"abc\""), CancellationToken.None);

        Assert.That(result, Is.Null);
    }

    [Test]
    public async Task IfMatch_IncrementsFromManyThreads_LoseNoUpdate()
    {
        const int Threads = 8;
        const int IncrementsEach = 10;
        await store.WriteAsync("m/counter.json", Bytes("0"), WritePrecondition.CreateOnly, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ => Task.Run(async () =>
        {
            for (int done = 0; done < IncrementsEach;)
            {
                var current = await store.ReadAsync("m/counter.json", 100, CancellationToken.None);
                int value = int.Parse(Encoding.UTF8.GetString(current!.Content.Span), CultureInfo.InvariantCulture);
                var next = Bytes((value + 1).ToString(CultureInfo.InvariantCulture));
                if (await store.WriteAsync("m/counter.json", next, WritePrecondition.Matches(current.ETag), CancellationToken.None) is not null)
                {
                    done++;
                }
            }
        })));

        var final = await store.ReadAsync("m/counter.json", 100, CancellationToken.None);
        Assert.That(Encoding.UTF8.GetString(final!.Content.Span), Is.EqualTo((Threads * IncrementsEach).ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Readers_DuringReplacements_NeverSeeAPartialFile()
    {
        const int Size = 256 * 1024;
        await store.WriteAsync("m/big.bin", Filled(0, Size), WritePrecondition.None, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (byte b = 1; b < 40; b++)
            {
                await store.WriteAsync("m/big.bin", Filled(b, Size), WritePrecondition.None, CancellationToken.None);
            }

            await stop.CancelAsync();
        });

        var torn = 0;
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            var read = await store.ReadAsync("m/big.bin", Size, CancellationToken.None);
            var span = read!.Content.Span;
            reads++;
            if (span.Length != Size || span.ContainsAnyExcept(span[0]))
            {
                torn++;
            }
        }

        await writer;
        Assert.Multiple(() =>
        {
            Assert.That(reads, Is.GreaterThan(0));
            Assert.That(torn, Is.Zero);
        });
    }

    [Test]
    public async Task Write_WhileAnotherProcessHoldsTheFolderLock_WaitsThenFailsClearly()
    {
        await store.WriteAsync("m/current.json", Bytes("1"), WritePrecondition.None, CancellationToken.None);
        var impatient = new FolderArtifactStore(folder.Path, clock, lockTimeout: TimeSpan.FromMilliseconds(200));

        // The folder lock is an OS file lock: holding it here is what another process's write holds.
        using (new FileStream(Path.Combine(folder.Path, "m", ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.That(
                () => impatient.WriteAsync("m/current.json", Bytes("2"), WritePrecondition.None, CancellationToken.None),
                Throws.InstanceOf<IOException>().With.Message.Contains("waiting for the write lock"));
        }

        var afterRelease = await impatient.WriteAsync("m/current.json", Bytes("3"), WritePrecondition.None, CancellationToken.None);
        Assert.That(afterRelease, Is.Not.Null);
    }

    [Test]
    public async Task Read_AboveTheCap_ThrowsTooLarge()
    {
        await store.WriteAsync("m/a.bin", new byte[2000], WritePrecondition.None, CancellationToken.None);

        var atCap = await store.ReadAsync("m/a.bin", 2000, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(atCap!.Content.Length, Is.EqualTo(2000));
            Assert.That(() => store.ReadAsync("m/a.bin", 1999, CancellationToken.None), Throws.TypeOf<ArtifactTooLargeException>());
        });
    }

    [Test]
    public async Task List_GivesObjectsUnderThePrefix_WithoutLockOrTemporaryFiles()
    {
        await store.WriteAsync("m/versions/1/model.zip", Bytes("z"), WritePrecondition.CreateOnly, CancellationToken.None);
        await store.WriteAsync("m/versions/2/model.zip", Bytes("z"), WritePrecondition.CreateOnly, CancellationToken.None);
        await store.WriteAsync("m/current.json", Bytes("{}"), WritePrecondition.CreateOnly, CancellationToken.None);
        await store.WriteAsync("other/current.json", Bytes("{}"), WritePrecondition.CreateOnly, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "m", ".current.json.abc.tmp"), "partial");

        var versions = await store.ListAsync("m/versions/", CancellationToken.None).ToListAsync();
        var partialSegment = await store.ListAsync("m/ver", CancellationToken.None).ToListAsync();
        var all = await store.ListAsync(string.Empty, CancellationToken.None).ToListAsync();
        var none = await store.ListAsync("missing/", CancellationToken.None).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(versions, Is.EquivalentTo(new[] { "m/versions/1/model.zip", "m/versions/2/model.zip" }));
            Assert.That(partialSegment, Is.EquivalentTo(versions));
            Assert.That(all, Is.EquivalentTo(new[] { "m/versions/1/model.zip", "m/versions/2/model.zip", "m/current.json", "other/current.json" }));
            Assert.That(none, Is.Empty);
        });
    }

    [Test]
    public async Task Lease_WhileHeld_IsRefused_AndFreeAfterDispose()
    {
        var first = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);
        var second = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);
        await first!.DisposeAsync();
        var third = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Null);
            Assert.That(third, Is.Not.Null);
        });
        await third!.DisposeAsync();
    }

    [Test]
    public async Task Lease_FromManyThreadsAtOnce_GoesToExactlyOne()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None))));

        Assert.That(attempts.Count(a => a is not null), Is.EqualTo(1));
        await attempts.Single(a => a is not null)!.DisposeAsync();
    }

    [Test]
    public async Task Lease_OfDeadHolder_IsTakenOverAfterExpiry_AndTheOldHolderCannotRemoveIt()
    {
        // A holder that stopped renewing (its process died): its lease file stays, with an expiry that passes.
        var dead = new FolderArtifactStore(folder.Path, new FakeTimeProvider(clock.GetUtcNow()));
        var deadLease = await dead.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);
        var beforeExpiry = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(61));

        var takeover = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);
        await deadLease!.DisposeAsync();
        var afterOldRelease = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(beforeExpiry, Is.Null);
            Assert.That(takeover, Is.Not.Null);
            Assert.That(afterOldRelease, Is.Null);
        });
        await takeover!.DisposeAsync();
    }

    [Test]
    public async Task Lease_TakenOverWhileItsHolderCouldNotRenew_TellsTheHolderItIsLost()
    {
        // The holder's renewals stall (its clock does not move) until the lease expires and another holder takes it.
        var holderClock = new FakeTimeProvider(clock.GetUtcNow());
        var holder = new FolderArtifactStore(folder.Path, holderClock);
        var held = await holder.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);
        var state = (ILeaseState)held!;
        clock.Advance(TimeSpan.FromSeconds(61));
        var takeover = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);

        holderClock.Advance(TimeSpan.FromSeconds(20));
        bool lost = await Eventually.TrueAsync(() => state.Lost.IsCancellationRequested);

        Assert.Multiple(() =>
        {
            Assert.That(takeover, Is.Not.Null);
            Assert.That(lost, Is.True);
            Assert.That(state.LostReason, Does.Contain("m/training.lock").And.Contain("taken or ended"));
        });
        await held!.DisposeAsync();
        Assert.That(File.Exists(Path.Combine(folder.Path, "m", "training.lock")), Is.True, "the lost lease does not delete the new holder's");
        await takeover!.DisposeAsync();
    }

    [Test]
    public async Task Lease_WhileHeld_IsRenewedPastItsFirstExpiry()
    {
        var lease = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);
        var firstExpiry = await LeaseExpiryAsync();

        clock.Advance(TimeSpan.FromSeconds(20));
        bool renewed = await Eventually.TrueAsync(() => LeaseExpiryAsync().GetAwaiter().GetResult() > firstExpiry);
        clock.Advance(TimeSpan.FromSeconds(45));
        var other = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(renewed, Is.True);
            Assert.That(other, Is.Null);
        });
        await lease!.DisposeAsync();
    }

    [Test]
    public async Task Lease_WithUnreadableFile_IsTakenOver()
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, "m"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "m", "training.lock"), "not json");

        var lease = await store.TryAcquireLeaseAsync("m/training.lock", TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.That(lease, Is.Not.Null);
        await lease!.DisposeAsync();
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Filled(byte value, int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, value);
        return bytes;
    }

    private async Task<DateTimeOffset> LeaseExpiryAsync()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(folder.Path, "m", "training.lock"));
        return JsonDocument.Parse(json).RootElement.GetProperty("expires_at").GetDateTimeOffset();
    }
}
