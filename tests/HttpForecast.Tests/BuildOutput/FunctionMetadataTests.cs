using System.Reflection;
using ArchiveForecast.Api.Routing;
using ArchiveForecast.HttpForecast.Hosting;
using ArchiveForecast.HttpForecast.Tests.Contract;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Tests.BuildOutput;

/// <summary>
/// What the Functions host reads about the functions: <c>functions.metadata</c> as the worker SDK wrote it into the
/// build output, and the metadata the worker itself reports when worker indexing is on (the source-generated provider).
/// Both must match the route table that <c>serve</c> maps and the OpenAPI document describes.
/// </summary>
[TestFixture]
public sealed class FunctionMetadataTests
{
    private static readonly string[] NonHttpFunctions = ["ScheduledRetrain", "RetrainFromQueue"];

    private static IReadOnlyList<MetadataEntry> Entries { get; } =
        [.. AppBuild.ReadJson(AppBuild.OutputDirectory, "functions.metadata").AsArray().Select(n => MetadataEntry.Of(n!.AsObject()))];

    private static IEnumerable<TestCaseData> Routes() => ApiRoutes.All.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Name));

    [TestCaseSource(nameof(Routes))]
    public void Metadata_DeclaresEachRouteOfTheTable_WithItsMethodRouteAndKeyLevel(ApiRoute route)
    {
        var entry = Entries.SingleOrDefault(e => e.Name == route.Name);

        Assert.That(entry, Is.Not.Null, $"functions.metadata has no function {route.Name}");
        var trigger = entry!.Trigger;
        Assert.Multiple(() =>
        {
            Assert.That(trigger["type"]?.GetValue<string>(), Is.EqualTo("httpTrigger"));
            Assert.That(trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()), Is.EqualTo(new[] { route.Method }));
            Assert.That(ContractRoute.RouteKey(route.Method, trigger["route"]!.GetValue<string>()), Is.EqualTo(ContractRoute.RouteKey(route.Method, route.Template)));
            Assert.That(trigger["authLevel"]?.GetValue<string>(), Is.EqualTo(route.Level.ToString()));
        });
    }

    [Test]
    public void Metadata_HoldsTheRoutesTheTimerAndTheQueueTrigger_AndNothingElse()
    {
        Assert.That(Entries.Select(e => e.Name), Is.EquivalentTo(ApiRoutes.All.Select(r => r.Name).Concat(NonHttpFunctions)));
    }

    [Test]
    public void EveryEntryPoint_IsTheFunctionMethodOfItsName_InTheAppsAssembly()
    {
        Assert.Multiple(() =>
        {
            foreach (var entry in Entries)
            {
                Assert.That(entry.ScriptFile, Is.EqualTo(AppBuild.AssemblyFile), entry.Name);
                Assert.That(entry.Language, Is.EqualTo("dotnet-isolated"), entry.Name);
                var method = ResolveEntryPoint(entry.EntryPoint);
                Assert.That(method?.GetCustomAttribute<FunctionAttribute>()?.Name, Is.EqualTo(entry.Name), entry.EntryPoint);
            }
        });
    }

    [Test]
    public void TheTimer_TakesItsScheduleFromTheRetrainingScheduleSetting()
    {
        var trigger = Entries.Single(e => e.Name == "ScheduledRetrain").Trigger;

        Assert.Multiple(() =>
        {
            Assert.That(trigger["type"]?.GetValue<string>(), Is.EqualTo("timerTrigger"));
            Assert.That(trigger["schedule"]?.GetValue<string>(), Is.EqualTo(TriggerSettings.RetrainSchedule));
            Assert.That(trigger["runOnStartup"]?.GetValue<bool>() ?? false, Is.False, "a restart must not retrain");
        });
    }

    [Test]
    public void TheQueueTrigger_TakesItsQueueFromASetting_ThroughAFlatConnectionName()
    {
        var trigger = Entries.Single(e => e.Name == "RetrainFromQueue").Trigger;

        Assert.Multiple(() =>
        {
            Assert.That(trigger["type"]?.GetValue<string>(), Is.EqualTo("queueTrigger"));
            Assert.That(trigger["queueName"]?.GetValue<string>(), Is.EqualTo(TriggerSettings.RetrainQueueName));
            Assert.That(trigger["connection"]?.GetValue<string>(), Is.EqualTo(TriggerSettings.RetrainQueueConnection));
        });
    }

    [Test]
    public async Task TheWorkersOwnIndex_ReportsTheSameFunctionsAndTriggersAsTheFile()
    {
        // worker.config.json turns worker indexing on: the host then asks the worker, which answers from this generated provider.
        var reported = await new GeneratedFunctionMetadataProvider().GetFunctionMetadataAsync(AppBuild.OutputDirectory);

        var fromWorker = reported.ToDictionary(
            f => f.Name!,
            f => Describe(f.EntryPoint!, f.RawBindings!.Select(b => JsonNode.Parse(b)!.AsObject()).Single(IsTrigger)));
        var fromFile = Entries.ToDictionary(e => e.Name, e => Describe(e.EntryPoint, e.Trigger));

        Assert.That(fromWorker, Is.EquivalentTo(fromFile));
    }

    private static string Describe(string entryPoint, JsonObject trigger)
    {
        string[] keys = ["type", "authLevel", "route", "schedule", "queueName", "connection"];
        string methods = trigger["methods"] is JsonArray list ? string.Join(',', list.Select(m => m!.GetValue<string>())) : "";
        return $"{entryPoint} {string.Join(' ', keys.Select(k => $"{k}={trigger[k]?.ToString()}"))} methods={methods}";
    }

    private static bool IsTrigger(JsonObject binding) =>
        binding["direction"]?.GetValue<string>() == "In" && binding["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal);

    private static MethodInfo? ResolveEntryPoint(string entryPoint)
    {
        int dot = entryPoint.LastIndexOf('.');
        return FunctionCatalog.App.GetType(entryPoint[..dot])?.GetMethod(entryPoint[(dot + 1)..]);
    }

    private sealed record MetadataEntry(string Name, string EntryPoint, string ScriptFile, string Language, JsonObject Trigger)
    {
        public static MetadataEntry Of(JsonObject node) => new(
            node["name"]!.GetValue<string>(),
            node["entryPoint"]!.GetValue<string>(),
            node["scriptFile"]!.GetValue<string>(),
            node["language"]!.GetValue<string>(),
            node["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(IsTrigger));
    }
}
