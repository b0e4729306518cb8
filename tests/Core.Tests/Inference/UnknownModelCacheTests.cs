using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Tests.Inference;

/// <summary>A valid name that names no model costs storage calls once per <c>ModelStore:UnknownModelCacheDuration</c>.</summary>
[TestFixture]
public sealed class UnknownModelCacheTests
{
    private const string Unknown = "no-such-model";

    private FolderRegistry folder = null!;
    private FakeTimeProvider clock = null!;

    [SetUp]
    public void CreateStore()
    {
        folder = new FolderRegistry();
        clock = new FakeTimeProvider(TestClock.Start);
    }

    [TearDown]
    public void DeleteStore() => folder.Dispose();

    [Test]
    public async Task Get_UnknownNameAgainWithinTheDuration_AsksTheStoreOnce()
    {
        var catalog = Catalog(TimeSpan.FromSeconds(10));

        var first = await catalog.GetAsync(ModelName.Parse(Unknown), CancellationToken.None);
        int lists = folder.Store.Lists;
        clock.Advance(TimeSpan.FromSeconds(9));
        var second = await catalog.GetAsync(ModelName.Parse(Unknown), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Null);
            Assert.That(second, Is.Null);
            Assert.That(lists, Is.GreaterThan(0));
            Assert.That(folder.Store.Lists, Is.EqualTo(lists), "the second lookup is answered from memory");
        });
    }

    [Test]
    public async Task Get_ModelCreatedAfterTheDuration_IsFound()
    {
        var catalog = Catalog(TimeSpan.FromSeconds(10));
        _ = await catalog.GetAsync(ModelName.Parse(Unknown), CancellationToken.None);
        await new ModelRegistry(folder.Store, clock).PublishAsync(ModelName.Parse(Unknown), new PublishRequestBuilder().ForModel(Unknown).WithRunId("run-1").Build(), CancellationToken.None);

        var stillUnknown = await catalog.GetAsync(ModelName.Parse(Unknown), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(11));
        var found = await catalog.GetAsync(ModelName.Parse(Unknown), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(stillUnknown, Is.Null);
            Assert.That(found?.Name, Is.EqualTo(Unknown));
        });
    }

    [Test]
    public async Task Get_WithTheCacheOff_AsksTheStoreEveryTime()
    {
        var catalog = Catalog(TimeSpan.Zero);

        _ = await catalog.GetAsync(ModelName.Parse(Unknown), CancellationToken.None);
        int lists = folder.Store.Lists;
        _ = await catalog.GetAsync(ModelName.Parse(Unknown), CancellationToken.None);

        Assert.That(folder.Store.Lists, Is.EqualTo(2 * lists));
    }

    private ModelCatalog Catalog(TimeSpan duration) =>
        new(new ModelRegistry(folder.Store, clock), Options.Create(new ModelStoreOptions { UnknownModelCacheDuration = duration }), clock);
}
