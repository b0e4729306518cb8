using System.Text.RegularExpressions;
using ArchiveForecast.HttpForecast.Tests.Contract;
using Azure.Storage.Queues;

namespace ArchiveForecast.HttpForecast.Tests.Hosting;

/// <summary>host.json and local.settings.json.example agree with the function classes and with the code they feed.</summary>
[TestFixture]
public sealed partial class HostSettingsTests
{
    private static JsonNode HostJson => JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("host.json")))!;

    private static JsonObject LocalSettingsValues =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("local.settings.json.example")))!["Values"]!.AsObject();

    [Test]
    public void HostJson_IsVersion2_WithTheApiRoutePrefix()
    {
        var host = HostJson;

        Assert.Multiple(() =>
        {
            Assert.That(host["version"]?.GetValue<string>(), Is.EqualTo("2.0"));
            Assert.That(host["extensions"]?["http"]?["routePrefix"]?.GetValue<string>(), Is.EqualTo("api"));
        });
    }

    [Test]
    public void HostJson_QueueSettings_MatchTheQueueFunctionAndTheSender()
    {
        var queues = HostJson["extensions"]?["queues"];

        Assert.Multiple(() =>
        {
            Assert.That(queues?["messageEncoding"]?.GetValue<string>(), Is.EqualTo("base64"));
            Assert.That(StorageQueueRetrainQueue.MessageEncoding, Is.EqualTo(QueueMessageEncoding.Base64));
            Assert.That(queues?["batchSize"]?.GetValue<int>(), Is.EqualTo(1), "one training per instance at a time");
        });
    }

    [Test]
    public void HostJson_LetsARetrainingRunForAnHour()
    {
        string? timeout = HostJson["functionTimeout"]?.GetValue<string>();

        Assert.That(TimeSpan.Parse(timeout!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void LocalSettingsExample_RunsTheIsolatedWorker_OnAzurite()
    {
        var values = LocalSettingsValues;

        Assert.Multiple(() =>
        {
            Assert.That(values["FUNCTIONS_WORKER_RUNTIME"]?.GetValue<string>(), Is.EqualTo("dotnet-isolated"));
            Assert.That(values["AzureWebJobsStorage"]?.GetValue<string>(), Is.EqualTo("UseDevelopmentStorage=true"));
            Assert.That(values["APPLICATIONINSIGHTS_CONNECTION_STRING"]?.GetValue<string>(), Is.Empty);
            Assert.That(values["KeyVault__Uri"]?.GetValue<string>(), Is.Empty);
        });
    }

    [Test]
    public void LocalSettingsExample_DefinesEverySettingTheTriggersName()
    {
        var values = LocalSettingsValues;
        var named = FunctionCatalog.Functions
            .SelectMany(f => new[] { f.Timer?.Schedule, f.Queue?.QueueName })
            .OfType<string>()
            .SelectMany(expression => AppSettingExpression().Matches(expression).Select(m => m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)))
            .Concat(FunctionCatalog.Functions.Select(f => f.Queue?.Connection).OfType<string>())
            .ToList();

        Assert.That(named, Is.Not.Empty);
        Assert.That(values.Select(v => v.Key), Is.SupersetOf(named));
    }

    [Test]
    public void LocalSettingsExample_SchedulesRetrainingMonthly()
    {
        Assert.That(LocalSettingsValues["Retraining__Schedule"]?.GetValue<string>(), Is.EqualTo("0 0 3 1 * *"));
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex AppSettingExpression();
}
