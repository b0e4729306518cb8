using ArchiveForecast.Core.Configuration;
using ArchiveForecast.HttpForecast.Tests.Contract;
using ArchiveForecast.Training.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ArchiveForecast.HttpForecast.Tests.Hosting;

/// <summary>The app on the real worker builder, composed as Program.cs composes it (<see cref="WorkerApp"/>).</summary>
[TestFixture]
public sealed class CompositionTests
{
    private string root = null!;

    [SetUp]
    public void CreateFolder() => root = Directory.CreateTempSubdirectory("httpforecast-composition-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task AddArchiveForecastFunctions_ResolvesEveryFunctionClass_WithScopesAndRegistrationsValidated()
    {
        var settings = FolderSettings(root);
        settings["RetrainQueue:ConnectionString"] = "UseDevelopmentStorage=true";
        await using var host = WorkerApp.Build(settings);
        await host.StartAppAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var functions = FunctionCatalog.FunctionClasses.Select(type => ActivatorUtilities.CreateInstance(scope.ServiceProvider, type)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(functions, Has.Count.EqualTo(FunctionCatalog.FunctionClasses.Count).And.All.Not.Null);
            Assert.That(scope.ServiceProvider.GetRequiredService<IRetrainQueue>(), Is.TypeOf<StorageQueueRetrainQueue>());
        });
    }

    [Test]
    public async Task AddArchiveForecastFunctions_WithoutARetrainingQueue_FailsAtStartNamingTheSettings()
    {
        await using var host = WorkerApp.Build(FolderSettings(root));

        Assert.That(
            () => host.StartAppAsync(),
            Throws.TypeOf<OptionsValidationException>()
                .With.Message.Contains("RetrainQueue:QueueServiceUri").And.Message.Contains("RetrainQueue:ConnectionString"));
    }

    [Test]
    public async Task LocalSettingsExample_IsAValidConfiguration_WithTheStorageRetrainingQueue()
    {
        await using var host = WorkerApp.Build(LocalSettingsExample());
        var services = host.Services;

        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<IOptions<ModelStoreOptions>>().Value.ModelName, Is.EqualTo(ModelName.Default));
            Assert.That(services.GetRequiredService<IOptions<TrainingDataOptions>>().Value.UsesBlobStorage, Is.True);
            Assert.That(services.GetRequiredService<IOptions<TrainingOptions>>().Value.DefaultDataset, Is.Not.Null);
            Assert.That(services.GetRequiredService<IOptions<RetrainQueueOptions>>().Value.QueueName, Is.EqualTo("retrain-requests"));
            Assert.That(services.GetRequiredService<IRetrainQueue>(), Is.TypeOf<StorageQueueRetrainQueue>());
        });
    }

    [Test]
    public void LocalSettingsExample_WithAnEmptyKeyVaultUri_AddsNoKeyVault()
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(LocalSettingsExample());
        int sources = builder.Sources.Count;

        builder.AddArchiveForecastKeyVault();

        Assert.That(builder.Sources, Has.Count.EqualTo(sources));
    }

    [Test]
    public async Task AddArchiveForecastFunctions_WithAConnectionString_ExportsTheServicesSignalsButNotTheLogsTheHostForwards()
    {
        var settings = FolderSettings(root);
        settings["RetrainQueue:ConnectionString"] = "UseDevelopmentStorage=true";
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";
        await using var host = WorkerApp.Build(settings);

        var filters = host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;
        Assert.Multiple(() =>
        {
            Assert.That(host.Services.GetService<MeterProvider>(), Is.Not.Null);
            Assert.That(host.Services.GetService<TracerProvider>(), Is.Not.Null);
            Assert.That(
                filters.Where(r => r.ProviderName == typeof(OpenTelemetryLoggerProvider).FullName && r.CategoryName is null),
                Has.Some.Matches<LoggerFilterRule>(r => r!.LogLevel == LogLevel.None));
        });
    }

    [Test]
    public async Task AddArchiveForecastFunctions_WithoutAConnectionString_ExportsNothing()
    {
        var settings = FolderSettings(root);
        settings["RetrainQueue:ConnectionString"] = "UseDevelopmentStorage=true";
        await using var host = WorkerApp.Build(settings);

        Assert.That(host.Services.GetService<MeterProvider>(), Is.Null);
    }

    private static Dictionary<string, string?> FolderSettings(string root) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["ModelStore:Path"] = Path.Combine(root, "models"),
        ["ModelStore:ReloadInterval"] = "00:00:00",
        ["TrainingData:Path"] = Path.Combine(root, "training-data"),
    };

    /// <summary>The example's values as the worker reads them: app settings with <c>__</c> become <c>:</c> sections.</summary>
    private static Dictionary<string, string?> LocalSettingsExample() =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("local.settings.json.example")))!["Values"]!.AsObject()
            .ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
}
