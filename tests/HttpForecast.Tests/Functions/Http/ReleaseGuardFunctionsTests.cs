using System.Globalization;
using ArchiveForecast.Api.Handlers;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Releases;
using ArchiveForecast.HttpForecast.Functions.Http;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Http;

/// <summary>
/// What <see cref="ReleaseFunctionsTests"/> leaves out, through the Functions app's function classes: auto-abort of a
/// candidate that fails and of one that is slow, a promote racing a release start, and two instances of the app on one
/// store following the same release.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")]
public sealed class ReleaseGuardFunctionsTests : ServedModelFixture
{
    private const string Model = ModelName.Default;
    private const string Release = $"/api/models/{Model}/release";
    private const int Served = 1;
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(60);

    private int failing;
    private int slow;
    private int promoteTarget;
    private int candidate;

    [OneTimeSetUp]
    public async Task PublishCandidates()
    {
        this.failing = await PublishAsync(ReleaseCandidates.Failing(Model, "run-failing"));
        this.slow = await PublishAsync(ReleaseCandidates.Slow(Model, "run-slow"));
        this.promoteTarget = await PublishAsync(PublishableModels.First(Model, "run-promote"));
        this.candidate = await PublishAsync(PublishableModels.Second(Model, "run-candidate"));
    }

    [TearDown]
    public async Task BackToTheServedVersion()
    {
        await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Delete(Release), (f, r) => f.StopReleaseAsync(r, Model, CancellationToken.None));
        await App.Registry.PromoteForTestAsync(Model, Served);
        await App.Services.GetRequiredService<ModelCatalog>().ReloadAllAsync(CancellationToken.None);
    }

    [Test]
    public async Task AutoAbort_ACandidateThatFailsOnHalfTheRequests_EndsItsRelease_AndItsFailuresAreAnsweredByTheServedVersion()
    {
        var started = await StartAsync($$"""{"version":{{this.failing}},"fraction":1,"min_requests":20,"max_error_rate_increase":0.05,"max_latency_ratio":1000}""");
        string id = started.Json["release"]!["id"]!.GetValue<string>();

        var answeredFailing = new List<int>();
        var answeredPassing = new List<int>();
        var record = await WaitForEndAsync(id, async () =>
        {
            answeredFailing.Add(await PredictAsync(ReleaseCandidates.Body(ReleaseCandidates.FailingInput)));
            answeredPassing.Add(await PredictAsync(ReleaseCandidates.Body(ReleaseCandidates.PassingInput)));
        });

        var pointer = await App.Registry.GetPointerAsync(ModelName.Parse(Model), CancellationToken.None);
        int after = await PredictAsync(ReleaseCandidates.Body(ReleaseCandidates.PassingInput));
        Assert.Multiple(() =>
        {
            Assert.That(started.Status, Is.EqualTo(200), started.Body);
            Assert.That(record, Is.Not.Null, "the release ended itself and wrote its record");
            Assert.That(pointer!.Value.Release, Is.Null, "the pointer holds no release");
            Assert.That(answeredFailing, Is.All.EqualTo(Served), "a request the candidate fails is answered by the served version");
            Assert.That(answeredPassing, Does.Contain(this.failing), "the candidate answered what it could while the release ran");
            Assert.That(after, Is.EqualTo(Served), "after the abort the served version answers everything");
            Assert.That(record?.Outcome, Is.EqualTo(ReleaseOutcome.Aborted));
            Assert.That(record?.EndedBy, Is.EqualTo("auto-abort"));
            Assert.That(record?.Reason, Does.Contain($"candidate version {this.failing} failed"));
            Assert.That(record?.Stats?.Candidate.Errors, Is.GreaterThanOrEqualTo(10));
            Assert.That(record?.Stats?.Served.Errors, Is.Zero);
        });
    }

    [Test]
    public async Task AutoAbort_ACandidateWhoseP99IsAboveTheRatio_EndsItsRelease_WithARecordThatSaysSo()
    {
        var started = await StartAsync($$"""{"version":{{this.slow}},"fraction":0.5,"min_requests":30,"max_latency_ratio":3,"max_error_rate_increase":1}""");
        string id = started.Json["release"]!["id"]!.GetValue<string>();

        // Two hundred rows a request (one thread: a batch is split over cores from 250 rows): the cost of the trees, not
        // the request's fixed overhead or a scheduling hiccup, decides each role's latency.
        string batch = ReleaseCandidates.Body(ReleaseCandidates.PassingInput, count: 200);
        var answered = new List<int>();
        var record = await WaitForEndAsync(id, async () => answered.Add(await PredictAsync(batch)));
        TestContext.Out.WriteLine($"{answered.Count} requests; {record?.Reason}");

        var pointer = await App.Registry.GetPointerAsync(ModelName.Parse(Model), CancellationToken.None);
        int after = await PredictAsync(batch);
        Assert.Multiple(() =>
        {
            Assert.That(started.Status, Is.EqualTo(200), started.Body);
            Assert.That(record, Is.Not.Null, "the release ended itself and wrote its record");
            Assert.That(pointer!.Value.Release, Is.Null, "the pointer holds no release");
            Assert.That(answered, Does.Contain(this.slow).And.Contain(Served));
            Assert.That(after, Is.EqualTo(Served), "after the abort the served version answers everything");
            Assert.That(record?.Outcome, Is.EqualTo(ReleaseOutcome.Aborted));
            Assert.That(record?.Reason, Does.Contain("p99 latency").And.Contain("3 x served version"));
            Assert.That(record?.Stats?.Candidate.Errors, Is.Zero, "nothing failed: latency alone ended it");
            Assert.That(record?.Stats?.Candidate.P99Ms, Is.GreaterThan(3 * (record?.Stats?.Served.P99Ms ?? double.PositiveInfinity)));
        });
    }

    [Test]
    public async Task PromoteRacingReleaseStart_ThroughTheFunctions_LeavesExactlyOneConsistentPointer()
    {
        const int Rounds = 12;
        var outcomes = new List<string>();
        for (int round = 0; round < Rounds; round++)
        {
            if (round > 0)
            {
                await BackToTheServedVersion();
            }

            // The promote sets off a little later each round, so it lands before, during and after the start's verification.
            var delay = TimeSpan.FromMilliseconds(round % 4 * 60);
            var promote = Task.Run(async () =>
            {
                await Task.Delay(delay);
                return await App.SendAsync<HttpFunctions>(
                    HttpRequestBuilder.Post($"/api/models/{Model}/promote").WithJson($$"""{"version":{{this.promoteTarget}}}"""),
                    (f, r) => f.PromoteModelAsync(r, Model, CancellationToken.None));
            });
            var start = Task.Run(() => StartAsync($$"""{"version":{{this.candidate}},"fraction":0.1}"""));
            var promoted = await promote.WaitAsync(TimeSpan.FromSeconds(60));
            var released = await start.WaitAsync(TimeSpan.FromSeconds(60));

            var pointer = (await App.Registry.GetPointerAsync(ModelName.Parse(Model), CancellationToken.None))!.Value;
            var watched = await GetAsync();
            string context = string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: promote {promoted.Status}, start {released.Status}, pointer version {pointer.Version} release {pointer.Release?.Version}");
            Assert.Multiple(() =>
            {
                Assert.That(promoted.Status, Is.EqualTo(200).Or.EqualTo(409), promoted.Body);
                Assert.That(released.Status, Is.EqualTo(200).Or.EqualTo(409), released.Body);
                Assert.That(promoted.Status == 200 || released.Status == 200, Is.True, "one of them wins; " + context);
                if (pointer.Release is { } release)
                {
                    Assert.That(released.Status, Is.EqualTo(200), context);
                    Assert.That(release.Id, Is.EqualTo(released.Json["release"]!["id"]!.GetValue<string>()), context);
                    Assert.That(release.Version, Is.EqualTo(this.candidate), context);
                    Assert.That(pointer.Version, Is.EqualTo(promoted.Status == 200 ? this.promoteTarget : Served), "the release runs beside the pointer the start read; " + context);
                    Assert.That(watched.Status, Is.EqualTo(200), context);
                    Assert.That(watched.Json["release"]!["id"]!.GetValue<string>(), Is.EqualTo(release.Id), context);
                }
                else
                {
                    Assert.That(promoted.Status, Is.EqualTo(200), "only a promote clears a release; " + context);
                    Assert.That(pointer.Version, Is.EqualTo(this.promoteTarget), context);
                    Assert.That(watched.Status, Is.EqualTo(404), context);
                }
            });
            outcomes.Add($"{promoted.Status}/{released.Status}");
        }

        TestContext.Out.WriteLine($"promote/start: {string.Join(", ", outcomes.CountBy(o => o).Select(c => $"{c.Key} x{c.Value}"))}");
    }

    [Test]
    public async Task TwoInstancesOnOneStore_FollowTheSameRelease_StartedThroughOne_AndItsStopThroughTheOther()
    {
        await using var first = await InstanceOnTheSameStoreAsync();
        await using var second = await InstanceOnTheSameStoreAsync();

        var started = await first.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post(Release).WithJson($$"""{"version":{{this.candidate}},"fraction":0.5,"max_latency_ratio":1000,"max_divergence":100}"""),
            (f, r) => f.StartReleaseAsync(r, Model, CancellationToken.None));
        bool secondFollows = await Eventually.TrueAsync(async () => (await GetAsync(second)) is { Status: 200 } answer && answer.Json["following"]!.GetValue<bool>());
        var keys = Enumerable.Range(0, 16).Select(i => $"tenant-{i}").ToArray();
        var onFirst = new List<int>();
        var onSecond = new List<int>();
        foreach (string key in keys)
        {
            onFirst.Add(await PredictAsync(ReleaseCandidates.Body(ReleaseCandidates.PassingInput), key, first));
            onSecond.Add(await PredictAsync(ReleaseCandidates.Body(ReleaseCandidates.PassingInput), key, second));
        }

        var stopped = await second.SendAsync<HttpFunctions>(HttpRequestBuilder.Delete(Release), (f, r) => f.StopReleaseAsync(r, Model, CancellationToken.None));
        string candidateKey = keys.First(k => ActiveRelease.Position(k) < 0.5);
        bool firstEnds = await Eventually.TrueAsync(async () =>
            (await GetAsync(first)).Status == 404 && await PredictAsync(ReleaseCandidates.Body(ReleaseCandidates.PassingInput), candidateKey, first) == Served);

        Assert.Multiple(() =>
        {
            Assert.That(started.Status, Is.EqualTo(200), started.Body);
            Assert.That(secondFollows, Is.True, "the second instance follows the release on its poll");
            Assert.That(onSecond, Is.EqualTo(onFirst), "a routing key lands on the same version in both instances");
            Assert.That(onFirst, Is.EqualTo(keys.Select(k => ActiveRelease.Position(k) < 0.5 ? this.candidate : Served)), "the version the key's hash picks");
            Assert.That(stopped.Status, Is.EqualTo(200), stopped.Body);
            Assert.That(firstEnds, Is.True, "the first instance follows the stop");
        });
    }

    private async Task<int> PublishAsync(PublishRequest request) =>
        (await App.Registry.PublishAsync(ModelName.Parse(Model), request, CancellationToken.None)).Version;

    // Another instance of the app over this fixture's store (its own root for everything else), polling the pointer.
    private async Task<FunctionsApp> InstanceOnTheSameStoreAsync()
    {
        string root = Directory.CreateTempSubdirectory("httpforecast-tests-").FullName;
        return await FunctionsApp.StartAsync(root, new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ModelStore:Path"] = Path.Combine(App.Root, "models"),
            ["ModelStore:ReloadInterval"] = "00:00:00.200",
            ["TrainingData:Path"] = Directory.CreateDirectory(Path.Combine(root, "training-data")).FullName,
            ["Training:DefaultDataset"] = FunctionsAppBuilder.Dataset,
            ["Retraining:Schedule"] = "0 0 3 1 * *",
            ["RetrainQueue:QueueName"] = "retrain-requests",
        });
    }

    // Keeps sending traffic until the pointer holds no release and the record of `id` exists (both, as the record is
    // written right after the pointer is cleared), or the bound passes (null).
    private async Task<ReleaseRecord?> WaitForEndAsync(string id, Func<Task> traffic)
    {
        var releases = App.Services.GetRequiredService<ReleaseRegistry>();
        return await Eventually.UntilAsync(
            async () =>
            {
                await traffic();
                return (await GetAsync()).Status == 404 ? await releases.GetRecordAsync(ModelName.Parse(Model), id, CancellationToken.None) : null;
            },
            record => record is not null,
            EndTimeout);
    }

    private Task<HttpAnswer> StartAsync(string json) =>
        App.SendAsync<HttpFunctions>(HttpRequestBuilder.Post(Release).WithJson(json), (f, r) => f.StartReleaseAsync(r, Model, CancellationToken.None));

    private Task<HttpAnswer> GetAsync(FunctionsApp? app = null) =>
        (app ?? App).SendAsync<HttpFunctions>(HttpRequestBuilder.Get(Release), (f, r) => f.GetReleaseAsync(r, Model, CancellationToken.None));

    private async Task<int> PredictAsync(string body, string? routingKey = null, FunctionsApp? app = null)
    {
        var request = HttpRequestBuilder.Post("/api/predict").WithJson(body);
        if (routingKey is not null)
        {
            request = request.WithHeader(PredictHandler.RoutingKeyHeader, routingKey);
        }

        var answer = await (app ?? App).SendAsync<HttpFunctions>(request, (f, r) => f.PredictAsync(r, CancellationToken.None));
        Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
        return answer.Json["model"]!["version"]!.GetValue<int>();
    }
}
