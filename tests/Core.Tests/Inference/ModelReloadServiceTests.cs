using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Tests.Inference;

[TestFixture]
public sealed class ModelReloadServiceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private FolderRegistry folder = null!;
    private FakeTimeProvider clock = null!;
    private ModelCatalog catalog = null!;
    private ModelReloadService service = null!;

    [SetUp]
    public void CreateService()
    {
        clock = new FakeTimeProvider(TestClock.Start);
        folder = new FolderRegistry(clock);
        var options = Options.Create(new ModelStoreOptions { ReloadInterval = Interval });
        catalog = new ModelCatalog(folder.Registry, options, clock);
        service = new ModelReloadService(catalog, options, clock, NullLogger<ModelReloadService>.Instance);
    }

    [TearDown]
    public async Task StopService()
    {
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        folder.Dispose();
    }

    [Test]
    public async Task Start_LoadsTheDefaultModel()
    {
        await folder.Registry.PublishAndPromoteAsync(ModelName.Default, PublishableModels.First(ModelName.Default, "run-1"));

        await service.StartAsync(CancellationToken.None);

        Assert.That(await Eventually.TrueAsync(() => catalog.Default.Current is not null), Is.True);
    }

    [Test]
    public async Task Poll_AfterTheInterval_LoadsANewPromotion()
    {
        await folder.Registry.PublishAndPromoteAsync(ModelName.Default, PublishableModels.First(ModelName.Default, "run-1"));
        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => catalog.Default.Current is not null);
        await folder.Registry.PublishAndPromoteAsync(ModelName.Default, PublishableModels.Second(ModelName.Default, "run-2"));

        clock.Advance(Interval);

        Assert.That(await Eventually.TrueAsync(() => catalog.Default.Current?.Version == 2), Is.True);
    }

    [Test]
    public async Task Start_WithStoreDown_KeepsRunning_AndLoadsOnceTheStoreIsBack()
    {
        await folder.Registry.PublishAndPromoteAsync(ModelName.Default, PublishableModels.First(ModelName.Default, "run-1"));
        folder.Store.IsDown = true;
        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => catalog.Default.LoadState.ConsecutiveFailures > 0);

        folder.Store.IsDown = false;
        clock.Advance(Interval);

        Assert.Multiple(async () =>
        {
            Assert.That(await Eventually.TrueAsync(() => catalog.Default.Current is not null), Is.True);
            Assert.That(service.ExecuteTask!.IsFaulted, Is.False);
        });
    }
}
