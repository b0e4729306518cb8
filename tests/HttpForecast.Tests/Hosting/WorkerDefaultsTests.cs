using ArchiveForecast.HttpForecast.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.HttpForecast.Tests.Hosting;

/// <summary>What the worker starts from beneath every app setting: log levels, and host.json's values the code relies on.</summary>
[TestFixture]
public sealed class WorkerDefaultsTests
{
    private string root = null!;

    [SetUp]
    public void CreateFolder() => root = Directory.CreateTempSubdirectory("httpforecast-defaults-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(root, recursive: true);

    [TestCase("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [TestCase("Microsoft.Azure.Functions.Worker")]
    [TestCase("Azure.Core")]
    [TestCase("System.Net.Http.HttpClient")]
    public async Task FrameworkCategories_LogWarningsButNotPerRequestInformation(string category)
    {
        await using var app = WorkerApp.Build(Settings());
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.Multiple(() =>
        {
            Assert.That(logger.IsEnabled(LogLevel.Information), Is.False);
            Assert.That(logger.IsEnabled(LogLevel.Warning), Is.True);
        });
    }

    [TestCase("ArchiveForecast.Api.Handlers.PredictHandler")]
    [TestCase("ArchiveForecast.Training.Pipeline.TrainingRunner")]
    public async Task TheAppsCategories_LogInformation(string category)
    {
        await using var app = WorkerApp.Build(Settings());

        Assert.That(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category).IsEnabled(LogLevel.Information), Is.True);
    }

    [Test]
    public async Task AnAppSetting_OverridesTheLogDefaults()
    {
        var settings = Settings();
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:LogLevel:ArchiveForecast"] = "Error";
        await using var app = WorkerApp.Build(settings);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.Multiple(() =>
        {
            Assert.That(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information), Is.True);
            Assert.That(loggers.CreateLogger("ArchiveForecast.Api.Handlers.PredictHandler").IsEnabled(LogLevel.Warning), Is.False);
        });
    }

    [Test]
    public async Task TheLastDeliveryBeforePoisoning_IsHostJsonsMaxDequeueCount()
    {
        int hostJson = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("host.json")))!["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>();
        await using var app = WorkerApp.Build(Settings());

        Assert.Multiple(() =>
        {
            Assert.That(app.Services.GetRequiredService<IOptions<RetrainQueueOptions>>().Value.MaxDequeueCount, Is.EqualTo(hostJson));
            Assert.That(app.Services.GetRequiredService<RetrainMessageConsumer>().MaxDequeueCount, Is.EqualTo(hostJson));
        });
    }

    [Test]
    public async Task AnAppSettingThatOverridesHostJsonForTheHost_OverridesItForTheAppToo()
    {
        var settings = Settings();
        settings[FunctionsAppConfiguration.MaxDequeueCountKey] = "3";
        await using var app = WorkerApp.Build(settings);

        Assert.That(app.Services.GetRequiredService<RetrainMessageConsumer>().MaxDequeueCount, Is.EqualTo(3));
    }

    [Test]
    public async Task ABadSetting_StopsStartNamingTheSetting()
    {
        var settings = Settings();
        settings["ModelStore:ReloadInterval"] = "-00:00:01";
        await using var app = WorkerApp.Build(settings);

        Assert.That(() => app.StartAppAsync(), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("ReloadInterval"));
    }

    private Dictionary<string, string?> Settings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["ModelStore:Path"] = Path.Combine(root, "models"),
        ["ModelStore:ReloadInterval"] = "00:00:00",
        ["TrainingData:Path"] = Path.Combine(root, "training-data"),
        ["RetrainQueue:ConnectionString"] = "UseDevelopmentStorage=true",
    };
}
