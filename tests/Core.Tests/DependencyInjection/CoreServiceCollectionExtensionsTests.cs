using ArchiveForecast.Core.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Tests.DependencyInjection;

[TestFixture]
public sealed class CoreServiceCollectionExtensionsTests
{
    [Test]
    public void Options_WithNoStoreConfigured_DefaultToTheModelsFolder()
    {
        using var services = Build(new Dictionary<string, string?>());

        var options = services.GetRequiredService<IOptions<ModelStoreOptions>>().Value;
        var store = services.GetRequiredService<IArtifactStore>();

        Assert.Multiple(() =>
        {
            Assert.That(options.Path, Is.EqualTo(ModelStoreSelection.DefaultPath));
            Assert.That(store, Is.TypeOf<FolderArtifactStore>());
            Assert.That(store.Location, Is.EqualTo(Path.GetFullPath(ModelStoreSelection.DefaultPath)));
        });
    }

    [Test]
    public void Services_FromAConfiguredFolder_ShareOneRegistryAndCatalog()
    {
        using var folder = new TempFolder();
        using var services = Build(new Dictionary<string, string?>
        {
            ["ModelStore:Path"] = folder.Path,
            ["ModelStore:ModelName"] = "regional-model",
            ["ModelStore:MaxArtifactBytes"] = "4096",
        });

        var registry = services.GetRequiredService<ModelRegistry>();
        var catalog = services.GetRequiredService<ModelCatalog>();

        Assert.Multiple(() =>
        {
            Assert.That(registry.Store.Location, Is.EqualTo(Path.GetFullPath(folder.Path)));
            Assert.That(registry.MaxArtifactBytes, Is.EqualTo(4096));
            Assert.That(catalog.Default.Name, Is.EqualTo("regional-model"));
            Assert.That(services.GetRequiredService<TimeProvider>(), Is.SameAs(TimeProvider.System));
            Assert.That(services.GetServices<IHostedService>().OfType<ModelReloadService>().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Services_WithoutPolling_HaveNoReloadService()
    {
        using var services = Build(new Dictionary<string, string?>(), HostProfile.Command);

        Assert.That(services.GetServices<IHostedService>(), Is.Empty);
    }

    [Test]
    public void Options_WithTwoStoresConfigured_FailNamingBoth()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["ModelStore:Path"] = "./models",
            ["ModelStore:ContainerUri"] = "https://account.blob.core.windows.net/models",
        });

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<ModelStoreOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("ModelStore:Path and ModelStore:ContainerUri"));
    }

    [TestCase("ModelStore:ModelName", "../escape")]
    [TestCase("ModelStore:ModelName", "UPPER")]
    [TestCase("ModelStore:MaxArtifactBytes", "10")]
    [TestCase("ModelStore:ReloadInterval", "-00:00:01")]
    public void Options_WithInvalidSetting_FailNamingIt(string key, string value)
    {
        using var services = Build(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<ModelStoreOptions>>().Value);

        Assert.That(error!.Message, Does.Contain(key.Split(':')[1]));
    }

    [Test]
    public void Host_WithInvalidOptions_FailsAtStart()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ModelStore:ModelName"] = "Not Valid" });
        builder.AddArchiveForecastCore(HostProfile.Command);
        using var host = builder.Build();

        Assert.That(() => host.StartAsync(), Throws.TypeOf<OptionsValidationException>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, HostProfile profile = HostProfile.Server)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddArchiveForecastCore(configuration, profile);
        return services.BuildServiceProvider();
    }
}
