using System.Globalization;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Releases;

namespace ArchiveForecast.Integration.Tests.Releases;

/// <summary>
/// A promote racing a release start on a blob store (Azurite, real ETags), repeated: whoever wins, the pointer is one
/// consistent document, the one its winner wrote, and the loser is told it lost.
/// </summary>
[TestFixture]
[Category("Integration")]
[Category("Slow")]
public sealed class BlobReleaseRaceTests
{
    private const string Model = ModelName.Default;
    private const int Served = 1;
    private const int Promoted = 2;
    private const int Candidate = 3;
    private const int Rounds = 25;
    private static readonly TimeSpan BarrierTimeout = TimeSpan.FromSeconds(20);

    private BlobWorld world = null!;
    private ReleaseRegistry releases = null!;
    private ModelRegistry racingRegistry = null!;
    private InterceptingArtifactStore racingStore = null!;

    [OneTimeSetUp]
    public async Task PublishThreeVersions()
    {
        this.world = BlobWorld.Create(SharedAzurite.Instance, TimeSpan.Zero);
        await this.world.Registry.PublishAsync(ModelName.Parse(Model), PublishableModels.First(Model, "run-1"), CancellationToken.None);
        await this.world.Registry.PublishAsync(ModelName.Parse(Model), PublishableModels.Second(Model, "run-2"), CancellationToken.None);
        await this.world.Registry.PublishAsync(ModelName.Parse(Model), PublishableModels.First(Model, "run-3"), CancellationToken.None);

        // The racers share one store that can hold writes back, so that a round can make both read the same pointer first.
        this.racingStore = new InterceptingArtifactStore(this.world.Registry.Store);
        this.racingRegistry = new ModelRegistry(this.racingStore, TimeProvider.System);
        this.releases = new ReleaseRegistry(this.racingRegistry, TimeProvider.System);
    }

    [OneTimeTearDown]
    public async Task DeleteTheContainer()
    {
        await this.world.AdminModels.DeleteIfExistsAsync();
        await this.world.DisposeAsync();
    }

    [Test]
    public async Task PromoteAndStart_BothHavingReadTheSamePointer_ExactlyOneWins_AndThePointerIsWhatItWrote()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var winners = new List<string>();
        for (int round = 0; round < Rounds; round++)
        {
            await ResetAsync(deadline.Token);
            var bothRead = LineUpPointerWrites(2);
            var (promote, start) = await RaceAsync(deadline.Token);
            bool lined = bothRead.IsCompleted;
            this.racingStore.BeforeWrite = null;

            var (pointer, blobETag) = await ReadBlobPointerAsync(deadline.Token);
            string context = Describe(round, promote, start, pointer);
            bool promoteWon = promote.Status == PointerChangeStatus.Changed;
            bool startWon = start.Status == ReleaseChangeStatus.Started;
            Assert.Multiple(() =>
            {
                Assert.That(lined, Is.True, "both read the pointer before either wrote; " + context);
                Assert.That(promoteWon ^ startWon, Is.True, "exactly one wins; " + context);
                Assert.That(promoteWon ? start.Status : (object)promote.Status, Is.EqualTo(promoteWon ? ReleaseChangeStatus.Conflict : PointerChangeStatus.Conflict), "the loser is told; " + context);
                AssertWrittenBy(promoteWon ? promote.State! : start.State!, pointer, blobETag, context);
                if (promoteWon)
                {
                    Assert.That(pointer.Version, Is.EqualTo(Promoted), context);
                    Assert.That(pointer.Release, Is.Null, context);
                }
                else
                {
                    Assert.That(pointer.Version, Is.EqualTo(Served), context);
                    Assert.That(pointer.Release?.Version, Is.EqualTo(Candidate), context);
                    Assert.That(pointer.Release?.Id, Is.EqualTo(start.Release!.Id), context);
                }
            });
            winners.Add(promoteWon ? "promote" : "start");
        }

        TestContext.Out.WriteLine($"winners: {string.Join(", ", winners)}");
    }

    [Test]
    public async Task PromoteAndStart_SentTogether_LeaveThePointerTheLastSuccessfulWriterWrote()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var outcomes = new List<string>();
        for (int round = 0; round < Rounds; round++)
        {
            await ResetAsync(deadline.Token);

            // The promote sets off a little later each round, so it lands before, during and after the start's verification.
            var (promote, start) = await RaceAsync(deadline.Token, TimeSpan.FromMilliseconds(round % 5 * 75));

            var (pointer, blobETag) = await ReadBlobPointerAsync(deadline.Token);
            string context = Describe(round, promote, start, pointer);
            bool promoteWon = promote.Status == PointerChangeStatus.Changed;
            bool startWon = start.Status == ReleaseChangeStatus.Started;
            Assert.Multiple(() =>
            {
                Assert.That(promote.Status, Is.EqualTo(PointerChangeStatus.Changed).Or.EqualTo(PointerChangeStatus.Conflict), context);
                Assert.That(start.Status, Is.EqualTo(ReleaseChangeStatus.Started).Or.EqualTo(ReleaseChangeStatus.Conflict), context);
                Assert.That(promoteWon || startWon, Is.True, "one of them wins; " + context);

                // Both may succeed one after the other; the pointer is then exactly the later one's, never a mix.
                var last = new[] { promoteWon ? promote.State : null, startWon ? start.State : null }.Where(s => s?.ETag == blobETag).ToList();
                Assert.That(last, Has.Count.EqualTo(1), "the stored pointer is one successful writer's; " + context);
                if (last.Count == 1)
                {
                    AssertWrittenBy(last[0]!, pointer, blobETag, context);
                }

                if (pointer.Release is not { } release)
                {
                    Assert.That(promoteWon, Is.True, "only a promote clears a release; " + context);
                    Assert.That(pointer.Version, Is.EqualTo(Promoted), context);
                }
                else
                {
                    Assert.That(startWon, Is.True, context);
                    Assert.That(pointer.Version, Is.EqualTo(promoteWon ? Promoted : Served), "a start that won after a promote runs beside the promoted version, nothing lost; " + context);
                    Assert.That(release.Version, Is.Not.EqualTo(pointer.Version), "a release never runs beside its own version; " + context);
                    Assert.That(release.Version, Is.EqualTo(Candidate), context);
                }
            });
            outcomes.Add($"{promote.Status}/{start.Status}");
        }

        TestContext.Out.WriteLine($"promote/start: {string.Join(", ", outcomes.CountBy(o => o).Select(c => $"{c.Key} x{c.Value}"))}");
    }

    private async Task<(PointerChangeResult Promote, ReleaseChange Start)> RaceAsync(CancellationToken cancellationToken, TimeSpan promoteDelay = default)
    {
        var promote = Task.Run(
            async () =>
            {
                await Task.Delay(promoteDelay, cancellationToken);
                return await this.racingRegistry.PromoteAsync(ModelName.Parse(Model), Promoted, null, "racer-a", "race", cancellationToken);
            },
            cancellationToken);
        var start = Task.Run(
            () => this.releases.StartAsync(ModelName.Parse(Model), new ReleaseStart(Candidate, 0.1, ReleaseMode.Split), new ReleaseOptions().DefaultGuards(), "racer-b", cancellationToken),
            cancellationToken);
        return (await promote.WaitAsync(BarrierTimeout * 2, cancellationToken), await start.WaitAsync(BarrierTimeout * 2, cancellationToken));
    }

    // Holds every write of the pointer until `count` writers have reached it (bounded, so a round that goes wrong fails).
    private Task LineUpPointerWrites(int count)
    {
        var allThere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int arrived = 0;
        this.racingStore.BeforeWrite = async path =>
        {
            if (!path.EndsWith("/current.json", StringComparison.Ordinal))
            {
                return;
            }

            if (Interlocked.Increment(ref arrived) == count)
            {
                allThere.TrySetResult();
            }

            try
            {
                await allThere.Task.WaitAsync(BarrierTimeout);
            }
            catch (TimeoutException)
            {
                // The other racer never wrote: let this one through, and the round's assertion says so.
            }
        };
        return allThere.Task;
    }

    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        var reset = await this.world.Registry.PromoteAsync(ModelName.Parse(Model), Served, null, "test", "reset", cancellationToken);
        Assert.That(reset.Status, Is.EqualTo(PointerChangeStatus.Changed), "arranging the round");
    }

    // The pointer as the blob holds it, read with the account key (not through the store under test), and its ETag.
    private async Task<(ModelPointer Pointer, string ETag)> ReadBlobPointerAsync(CancellationToken cancellationToken)
    {
        var blob = await this.world.AdminModels.GetBlobClient($"{Model}/current.json").DownloadContentAsync(cancellationToken);
        var pointer = JsonSerializer.Deserialize<ModelPointer>(blob.Value.Content.ToMemory().Span, ArtifactJson.Options)!;
        return (pointer, blob.Value.Details.ETag.ToString());
    }

    private static void AssertWrittenBy(PointerState written, ModelPointer stored, string storedETag, string context)
    {
        Assert.That(written.ETag, Is.EqualTo(storedETag), "the stored pointer is at the winner's ETag; " + context);
        Assert.That(stored, Is.EqualTo(written.Value), "the stored pointer is the document the winner wrote; " + context);
    }

    private static string Describe(int round, PointerChangeResult promote, ReleaseChange start, ModelPointer pointer) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"round {round}: promote {promote.Status}, start {start.Status}, pointer version {pointer.Version} release {pointer.Release?.Version.ToString(CultureInfo.InvariantCulture) ?? "none"}");
}
