using System.Diagnostics;
using System.Globalization;
using ArchiveForecast.Api.Handlers;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Releases;
using ArchiveForecast.HttpForecast.Functions.Http;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Pipeline;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Http;

/// <summary>Canary and shadow releases through the Functions app's function classes, in the composed worker.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ReleaseFunctionsTests : ServedModelFixture
{
    private const string Release = "/api/models/archive-forecast/release";
    private int candidate;

    [OneTimeSetUp]
    public async Task PublishACandidate()
    {
        // A second version on the same data with another seed and fewer trees: a real model whose forecasts differ.
        var result = await App.Services.GetRequiredService<TrainingRunner>().RunAsync(
            new TrainingRun
            {
                ModelName = ModelName.Parse(ModelName.Default),
                Data = TrainingDataInput.FromDataset(App.Services.GetRequiredService<ITrainingDataSource>(), DatasetPath.Parse(FunctionsAppBuilder.Dataset)),
                Trainer = TrainerSettings.Default(TrainerKind.FastTree) with { NumberOfTrees = 5, NumberOfLeaves = 4, Seed = 11 },
                Promote = PromotePolicy.Never,
            },
            CancellationToken.None);
        this.candidate = result.Run.Version ?? throw new InvalidOperationException($"No candidate was published: {result.Run.Reason}");
    }

    [TearDown]
    public async Task StopAnyRelease() =>
        await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Delete(Release), (f, r) => f.StopReleaseAsync(r, ModelName.Default, CancellationToken.None));

    [Test]
    public async Task Split_AQuarter_AnswersAboutAQuarterOf2000WithTheCandidate_AndARoutingKeyIsSticky()
    {
        var started = await StartAsync($$"""{"version":{{this.candidate}},"fraction":0.25,"max_latency_ratio":1000}""");

        int byCandidate = 0;
        for (int i = 0; i < 2000; i++)
        {
            if (await PredictAsync(routingKey: null) == this.candidate)
            {
                byCandidate++;
            }
        }

        var sticky = new Dictionary<string, HashSet<int>>();
        foreach (string key in Enumerable.Range(0, 16).Select(i => $"team-{i}"))
        {
            sticky[key] = [];
            for (int i = 0; i < 4; i++)
            {
                sticky[key].Add(await PredictAsync(key));
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(started.Status, Is.EqualTo(200), started.Body);
            Assert.That(byCandidate, Is.InRange(360, 640), "18 % to 32 % of 2 000");
            foreach (var (key, versions) in sticky)
            {
                Assert.That(versions, Is.EquivalentTo(new[] { ActiveRelease.Position(key) < 0.25 ? this.candidate : 1 }), key);
            }
        });
    }

    [Test]
    public async Task Shadow_NeverChangesAnAnswer_AndADivergingCandidateEndsItsReleaseByItself()
    {
        var before = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            before.Add(await PredictBodyAsync(i));
        }

        var started = await StartAsync($$"""{"version":{{this.candidate}},"fraction":1,"mode":"shadow","min_requests":10,"max_divergence":0.000001,"max_latency_ratio":1000}""");
        string id = started.Json["release"]!["id"]!.GetValue<string>();
        var during = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            during.Add(await PredictBodyAsync(i));
        }

        // The pointer is cleared first and the record written right after, so both are waited for.
        var releases = App.Services.GetRequiredService<ReleaseRegistry>();
        var clock = Stopwatch.StartNew();
        int watch = 200;
        ReleaseRecord? record = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(30)
            && ((watch = (await GetAsync()).Status) == 200 || (record = await releases.GetRecordAsync(ModelName.Parse(ModelName.Default), id, CancellationToken.None)) is null))
        {
            await PredictBodyAsync(clock.Elapsed.Milliseconds);
            await Task.Delay(50);
        }

        var pointer = await App.Registry.GetPointerAsync(ModelName.Parse(ModelName.Default), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(during, Is.EqualTo(before), "the same answers, byte for byte, with the shadow running");
            Assert.That(watch, Is.EqualTo(404), "the release ended itself");
            Assert.That(pointer!.Value.Release, Is.Null);
            Assert.That(record?.Outcome, Is.EqualTo(ReleaseOutcome.Aborted));
            Assert.That(record?.Reason, Does.Contain("diverge"));
        });
    }

    [Test]
    public async Task StartWatchStop_AtTheirKeyLevels_AndRefusals()
    {
        var missing = await StartAsync("""{"version":99,"fraction":0.1}""");
        var same = await StartAsync("""{"version":1,"fraction":0.1}""");
        var started = await StartAsync($$"""{"version":{{this.candidate}},"fraction":0.05}""");
        var watched = await GetAsync();
        var stopped = await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Delete(Release), (f, r) => f.StopReleaseAsync(r, ModelName.Default, CancellationToken.None));
        var after = await GetAsync();

        Assert.Multiple(() =>
        {
            Assert.That(missing.Status, Is.EqualTo(404), missing.Body);
            Assert.That(same.Status, Is.EqualTo(422), same.Body);
            Assert.That(started.Status, Is.EqualTo(200), started.Body);
            Assert.That(watched.Json["release"]!["fraction"]!.GetValue<double>(), Is.EqualTo(0.05));
            Assert.That(watched.Json["following"]!.GetValue<bool>(), Is.True);
            Assert.That(stopped.Status, Is.EqualTo(200), stopped.Body);
            Assert.That(after.Status, Is.EqualTo(404));
            Assert.That(KeyLevelOf(nameof(HttpFunctions.GetReleaseAsync)), Is.EqualTo("Function"));
            Assert.That(KeyLevelOf(nameof(HttpFunctions.StartReleaseAsync)), Is.EqualTo("Admin"));
            Assert.That(KeyLevelOf(nameof(HttpFunctions.StopReleaseAsync)), Is.EqualTo("Admin"));
        });
    }

    private static string KeyLevelOf(string method) =>
        typeof(HttpFunctions).GetMethod(method)!.GetParameters()[0]
            .GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.HttpTriggerAttribute), false)
            .Cast<Microsoft.Azure.Functions.Worker.HttpTriggerAttribute>().Single().AuthLevel.ToString();

    private Task<HttpAnswer> StartAsync(string json) =>
        App.SendAsync<HttpFunctions>(HttpRequestBuilder.Post(Release).WithJson(json), (f, r) => f.StartReleaseAsync(r, ModelName.Default, CancellationToken.None));

    private Task<HttpAnswer> GetAsync() =>
        App.SendAsync<HttpFunctions>(HttpRequestBuilder.Get(Release), (f, r) => f.GetReleaseAsync(r, ModelName.Default, CancellationToken.None));

    private async Task<int> PredictAsync(string? routingKey)
    {
        var request = HttpRequestBuilder.Post("/api/predict").WithJson(PredictBodies.Of(PredictBodies.Instance()));
        if (routingKey is not null)
        {
            request = request.WithHeader(PredictHandler.RoutingKeyHeader, routingKey);
        }

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PredictAsync(r, CancellationToken.None));
        Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
        return answer.Json["model"]!["version"]!.GetValue<int>();
    }

    private async Task<string> PredictBodyAsync(int i)
    {
        var instance = PredictBodies.Instance(pctPdf: 0.1 + (i % 50) / 100.0);
        instance["total_files"] = 20_000 + (i * 3_001 % 200_000);
        var answer = await App.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post("/api/predict").WithJson(PredictBodies.Of(instance)), (f, r) => f.PredictAsync(r, CancellationToken.None));
        Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
        return answer.Body.ToString(CultureInfo.InvariantCulture);
    }
}
