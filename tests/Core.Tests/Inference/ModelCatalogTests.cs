using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Tests.Inference;

[TestFixture]
public sealed class ModelCatalogTests
{
    private const string Named = "regional-model";

    private FolderRegistry folder = null!;
    private ModelCatalog catalog = null!;

    [SetUp]
    public void CreateCatalog()
    {
        folder = new FolderRegistry();
        catalog = new ModelCatalog(folder.Registry, Options.Create(new ModelStoreOptions()), TimeProvider.System);
    }

    [TearDown]
    public void DeleteStore() => folder.Dispose();

    [Test]
    public void Default_IsTheConfiguredModel_NotYetLoaded()
    {
        Assert.Multiple(() =>
        {
            Assert.That(catalog.Default.Name, Is.EqualTo(ModelName.Default));
            Assert.That(catalog.Default.Current, Is.Null);
            Assert.That(catalog.Loaded, Is.EqualTo(new[] { catalog.Default }));
        });
    }

    [Test]
    public async Task Get_OfModelTheRegistryDoesNotHave_IsNull_AndNotRemembered()
    {
        var served = await catalog.GetAsync(ModelName.Parse("no-such-model"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(served, Is.Null);
            Assert.That(catalog.Loaded, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_OfPublishedModel_LoadsItOnFirstUse_AndReturnsTheSameHolderAfter()
    {
        await folder.Registry.PublishAndPromoteAsync(Named, PublishableModels.First(Named, "run-1"));

        var first = await catalog.GetAsync(ModelName.Parse(Named), CancellationToken.None);
        var second = await catalog.GetAsync(ModelName.Parse(Named), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first!.Current!.Version, Is.EqualTo(1));
            Assert.That(second, Is.SameAs(first));
            Assert.That(catalog.Loaded, Has.Count.EqualTo(2));
            Assert.That(folder.Store.ReadsOf($"{Named}/versions/1/model.zip"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_ManyAtOnce_LoadsOnce_AndEveryCallerSeesTheLoadedModel()
    {
        await folder.Registry.PublishAndPromoteAsync(Named, PublishableModels.First(Named, "run-1"));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => catalog.GetAsync(ModelName.Parse(Named), CancellationToken.None))));

        Assert.Multiple(() =>
        {
            Assert.That(results.Distinct().Count(), Is.EqualTo(1));
            Assert.That(results.Select(r => r!.Current?.Version), Is.All.EqualTo(1));
            Assert.That(folder.Store.ReadsOf($"{Named}/versions/1/model.zip"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_OfModelWithVersionsButNothingPromoted_ReturnsItWithoutAModel()
    {
        await folder.Registry.PublishAsync(ModelName.Parse(Named), new PublishRequestBuilder().ForModel(Named).Build(), CancellationToken.None);

        var served = await catalog.GetAsync(ModelName.Parse(Named), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(served, Is.Not.Null);
            Assert.That(served!.Current, Is.Null);
        });
    }

    [Test]
    public async Task ReloadAll_PicksUpNewPromotionsOfEveryServedModel()
    {
        await folder.Registry.PublishAndPromoteAsync(ModelName.Default, PublishableModels.First(ModelName.Default, "run-1"));
        await folder.Registry.PublishAndPromoteAsync(Named, PublishableModels.First(Named, "run-2"));
        var named = await catalog.GetAsync(ModelName.Parse(Named), CancellationToken.None);
        await catalog.Default.ReloadAsync(force: false, CancellationToken.None);
        await folder.Registry.PublishAndPromoteAsync(ModelName.Default, PublishableModels.Second(ModelName.Default, "run-3"));
        await folder.Registry.PublishAndPromoteAsync(Named, PublishableModels.Second(Named, "run-4"));

        await catalog.ReloadAllAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(catalog.Default.Current!.Version, Is.EqualTo(2));
            Assert.That(named!.Current!.Version, Is.EqualTo(2));
        });
    }
}
