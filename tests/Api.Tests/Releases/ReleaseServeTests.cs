using System.Globalization;
using ArchiveForecast.Api.Tests.Http;
using ArchiveForecast.Core.Releases;
using static ArchiveForecast.Api.Tests.Releases.ReleaseClient;

namespace ArchiveForecast.Api.Tests.Releases;

/// <summary>Canary and shadow releases through the Kestrel host of <c>serve</c>: traffic split, stickiness, shadowing, auto-abort.</summary>
[TestFixture]
[Category("Http")]
public sealed class ReleaseServeTests
{
    private const int Served = TrainedStore.CurrentVersion;
    private const int Candidate = TrainedStore.CandidateVersion;

    private ApiServer server = null!;

    [SetUp]
    public async Task StartServer() => this.server = await ApiServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await this.server.DisposeAsync();

    [Test]
    public async Task Split_AQuarter_AnswersAboutAQuarterOf2000RequestsWithTheCandidate()
    {
        await StartAsync(this.server, StartBody(Candidate, 0.25));

        var versions = new int[2000];
        await Parallel.ForAsync(0, versions.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            versions[i] = (await PredictAsync(this.server, Body(i))).Version);

        var status = await StatusAsync(this.server);
        int byCandidate = versions.Count(v => v == Candidate);
        Assert.Multiple(() =>
        {
            Assert.That(versions, Is.All.EqualTo(Served).Or.EqualTo(Candidate));
            Assert.That(byCandidate, Is.InRange(360, 640), "18 % to 32 % of 2 000");
            Assert.That(status!.Value.GetProperty("candidate").GetProperty("requests").GetInt64(), Is.EqualTo(byCandidate));
            Assert.That(status.Value.GetProperty("served").GetProperty("requests").GetInt64(), Is.EqualTo(2000 - byCandidate));
            Assert.That(status.Value.GetProperty("candidate").GetProperty("p99_ms").GetDouble(), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task Split_WithARoutingKey_EveryKeyAlwaysGetsTheSameVersion_TheOneItsHashPicks()
    {
        await StartAsync(this.server, StartBody(Candidate, 0.5));
        var keys = Enumerable.Range(0, 24).Select(i => $"client-{i}").ToArray();

        var seen = new Dictionary<string, HashSet<int>>();
        foreach (string key in keys)
        {
            seen[key] = [];
            for (int i = 0; i < 5; i++)
            {
                seen[key].Add((await PredictAsync(this.server, Body(i), key)).Version);
            }
        }

        Assert.Multiple(() =>
        {
            foreach (string key in keys)
            {
                int expected = ActiveRelease.Position(key) < 0.5 ? Candidate : Served;
                Assert.That(seen[key], Is.EquivalentTo(new[] { expected }), key);
            }

            Assert.That(seen.Values.Select(v => v.Single()).Distinct().Count(), Is.EqualTo(2), "24 keys at 0.5 land on both sides");
        });
    }

    [Test]
    public async Task Shadow_AtFullTraffic_NeverChangesAnAnswer_AndComparesTheForecasts()
    {
        var before = new List<byte[]>();
        for (int i = 0; i < 60; i++)
        {
            before.Add((await PredictAsync(this.server, Body(i))).Bytes);
        }

        await StartAsync(this.server, StartBody(Candidate, 1.0, "shadow"));
        var during = new List<byte[]>();
        for (int i = 0; i < 60; i++)
        {
            during.Add((await PredictAsync(this.server, Body(i), routingKey: $"k{i}")).Bytes);
        }

        bool compared = await EventuallyAsync(
            async () => (await StatusAsync(this.server))?.GetProperty("shadow").GetProperty("compared").GetInt64() == 60,
            TimeSpan.FromSeconds(20));
        var status = (await StatusAsync(this.server))!.Value;
        Assert.Multiple(() =>
        {
            for (int i = 0; i < before.Count; i++)
            {
                Assert.That(during[i], Is.EqualTo(before[i]), $"answer {i} is byte-identical with and without the shadow");
            }

            Assert.That(compared, Is.True, status.ToString());
            Assert.That(status.GetProperty("release").GetProperty("mode").GetString(), Is.EqualTo("shadow"));
            Assert.That(status.GetProperty("candidate").GetProperty("requests").GetInt64(), Is.EqualTo(60));
            Assert.That(status.GetProperty("served").GetProperty("requests").GetInt64(), Is.EqualTo(60));
            Assert.That(status.GetProperty("shadow").GetProperty("mean_abs_log_ratio").GetDouble(), Is.GreaterThan(0), "two versions trained on different seeds differ");
        });
    }

    [Test]
    public async Task AutoAbort_ACandidateWhoseShadowForecastsDivergeEndsItsRelease_WithARecordAndAWarning()
    {
        var started = await StartAsync(this.server, StartBody(Candidate, 1.0, "shadow", ",\"min_requests\":20,\"max_divergence\":0.000001,\"max_latency_ratio\":1000"));
        string id = started.GetProperty("release").GetProperty("id").GetString()!;

        // The pointer is cleared first and the record written right after, so both are waited for.
        string recordPath = Path.Combine(this.server.ModelsPath, TrainedStore.DefaultModel, "releases", id + ".json");
        bool ended = await EventuallyAsync(async () =>
        {
            await PredictAsync(this.server, Body(Environment.TickCount));
            return await StatusAsync(this.server) is null && File.Exists(recordPath);
        }, TimeSpan.FromSeconds(60));

        var pointer = Pointer(this.server);
        var answer = await PredictAsync(this.server, Body(1));
        Assert.Multiple(() =>
        {
            Assert.That(ended, Is.True, "the release ended itself");
            Assert.That(pointer.TryGetProperty("release", out _), Is.False, "the pointer holds no release");
            Assert.That(pointer.GetProperty("version").GetInt32(), Is.EqualTo(Served));
            Assert.That(answer.Version, Is.EqualTo(Served));
            Assert.That(File.Exists(recordPath), Is.True, recordPath);
            Assert.That(this.server.Logs.Entries.Any(e => e.EventId == 1906 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning), Is.True);
        });
        using var record = JsonDocument.Parse(File.ReadAllBytes(recordPath));
        Assert.Multiple(() =>
        {
            Assert.That(record.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("aborted"));
            Assert.That(record.RootElement.GetProperty("reason").GetString(), Does.Contain("diverge"));
            Assert.That(record.RootElement.GetProperty("ended_by").GetString(), Is.EqualTo("auto-abort"));
            Assert.That(record.RootElement.GetProperty("stats").GetProperty("candidate").GetProperty("requests").GetInt64(), Is.GreaterThanOrEqualTo(20));
        });
    }

    [Test]
    public async Task Start_RefusesWhatCannotBeReleased_AndLeavesThePointerAsItWas()
    {
        byte[] pointerBefore = File.ReadAllBytes(Path.Combine(this.server.ModelsPath, TrainedStore.DefaultModel, "current.json"));
        using var missing = await this.server.SendAsync(HttpMethod.Post, ReleasePath(), TestKeys.Admin, StartBody(99, 0.1));
        using var same = await this.server.SendAsync(HttpMethod.Post, ReleasePath(), TestKeys.Admin, StartBody(Served, 0.1));
        using var zero = await this.server.SendAsync(HttpMethod.Post, ReleasePath(), TestKeys.Admin, StartBody(Candidate, 0));
        using var mode = await this.server.SendAsync(HttpMethod.Post, ReleasePath(), TestKeys.Admin, StartBody(Candidate, 0.1, "blue-green"));
        using var functionKey = await this.server.SendAsync(HttpMethod.Post, ReleasePath(), TestKeys.Function, StartBody(Candidate, 0.1));
        File.AppendAllText(Path.Combine(this.server.ModelsPath, TrainedStore.DefaultModel, "versions", "3", "model_card.json"), " ");
        using var tampered = await this.server.SendAsync(HttpMethod.Post, ReleasePath(), TestKeys.Admin, StartBody(Candidate, 0.1));

        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(same, (HttpStatusCode)422);
        await ProblemAssert.IsProblemAsync(zero, (HttpStatusCode)422, "/fraction");
        await ProblemAssert.IsProblemAsync(mode, (HttpStatusCode)422, "/mode");
        await ProblemAssert.IsProblemAsync(functionKey, HttpStatusCode.Unauthorized);
        var problem = await ProblemAssert.IsProblemAsync(tampered, (HttpStatusCode)422);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("model_card.json"));
            Assert.That(File.ReadAllBytes(Path.Combine(this.server.ModelsPath, TrainedStore.DefaultModel, "current.json")), Is.EqualTo(pointerBefore));
        });
    }

    [Test]
    public async Task OneAtATime_Widen_Stop_AndPromoteFinishes()
    {
        var started = await StartAsync(this.server, StartBody(Candidate, 0.05));
        using var other = await this.server.SendAsync(HttpMethod.Post, ReleasePath(), TestKeys.Admin, StartBody(TrainedStore.PreviousVersion, 0.1));
        var widened = await StartAsync(this.server, StartBody(Candidate, 0.5));
        var watched = (await StatusAsync(this.server))!.Value;
        using var stop = await this.server.SendAsync(HttpMethod.Delete, ReleasePath(), TestKeys.Admin);
        var stopped = await JsonResponses.ReadAsync(stop);
        using var stopAgain = await this.server.SendAsync(HttpMethod.Delete, ReleasePath(), TestKeys.Admin);
        var afterStop = await StatusAsync(this.server);

        await StartAsync(this.server, StartBody(Candidate, 1.0));
        using var promote = await this.server.SendAsync(
            HttpMethod.Post, $"/api/models/{TrainedStore.DefaultModel}/promote", TestKeys.Admin, $$"""{"version":{{Candidate}}}""");
        var afterPromote = await StatusAsync(this.server);
        var answer = await PredictAsync(this.server, Body(3));

        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(stopAgain, HttpStatusCode.NotFound);
        string id = started.GetProperty("release").GetProperty("id").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(started.GetProperty("status").GetString(), Is.EqualTo("started"));
            Assert.That(widened.GetProperty("status").GetString(), Is.EqualTo("updated"));
            Assert.That(widened.GetProperty("release").GetProperty("id").GetString(), Is.EqualTo(id), "widening keeps the release");
            Assert.That(watched.GetProperty("release").GetProperty("fraction").GetDouble(), Is.EqualTo(0.5));
            Assert.That(watched.GetProperty("following").GetBoolean(), Is.True);
            Assert.That(stopped.GetProperty("status").GetString(), Is.EqualTo("stopped"));
            Assert.That(File.Exists(Path.Combine(this.server.ModelsPath, TrainedStore.DefaultModel, "releases", id + ".json")), Is.True);
            Assert.That(afterStop, Is.Null);
            Assert.That(promote.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(afterPromote, Is.Null, "promoting the candidate finishes the release");
            Assert.That(answer.Version, Is.EqualTo(Candidate));
        });
    }

    [Test]
    public async Task PromoteRacingReleaseStart_LeavesExactlyOneConsistentPointer()
    {
        string promotePath = $"/api/models/{TrainedStore.DefaultModel}/promote";
        for (int round = 0; round < 8; round++)
        {
            var promote = this.server.SendAsync(HttpMethod.Post, promotePath, TestKeys.Admin, $$"""{"version":{{TrainedStore.PreviousVersion}}}""");
            var start = this.server.SendAsync(HttpMethod.Post, ReleasePath(), TestKeys.Admin, StartBody(Candidate, 0.1));
            using var promoted = await promote;
            using var released = await start;

            var pointer = Pointer(this.server);
            bool hasRelease = pointer.TryGetProperty("release", out var release);
            string context = string.Create(CultureInfo.InvariantCulture, $"round {round}: promote {(int)promoted.StatusCode}, start {(int)released.StatusCode}, pointer {pointer}");
            Assert.Multiple(() =>
            {
                Assert.That((int)promoted.StatusCode, Is.EqualTo(200).Or.EqualTo(409), context);
                Assert.That((int)released.StatusCode, Is.EqualTo(200).Or.EqualTo(409), context);
                Assert.That(promoted.IsSuccessStatusCode || released.IsSuccessStatusCode, Is.True, "one of them wins; " + context);
                Assert.That(pointer.GetProperty("version").GetInt32(), Is.EqualTo(promoted.IsSuccessStatusCode ? TrainedStore.PreviousVersion : Served), context);
                if (hasRelease)
                {
                    Assert.That(released.IsSuccessStatusCode, Is.True, context);
                    Assert.That(release.GetProperty("version").GetInt32(), Is.EqualTo(Candidate), context);
                }
                else
                {
                    Assert.That(promoted.IsSuccessStatusCode, Is.True, "only a promote clears a release; " + context);
                }
            });

            using var reset = await this.server.SendAsync(HttpMethod.Post, promotePath, TestKeys.Admin, $$"""{"version":{{Served}}}""");
            Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task TwoServersOnOneStore_FollowTheSameRelease_AndItsEnd()
    {
        await using var first = await ApiServer.StartAsync(sharedRoot: this.server.Root, reloadInterval: TimeSpan.FromMilliseconds(200));
        await using var second = await ApiServer.StartAsync(sharedRoot: this.server.Root, reloadInterval: TimeSpan.FromMilliseconds(200));

        await StartAsync(first, StartBody(Candidate, 0.5));
        bool secondFollows = await EventuallyAsync(
            async () => (await StatusAsync(second))?.GetProperty("following").GetBoolean() == true, TimeSpan.FromSeconds(20));
        var keys = Enumerable.Range(0, 12).Select(i => $"tenant-{i}").ToArray();
        var onFirst = new List<int>();
        var onSecond = new List<int>();
        foreach (string key in keys)
        {
            onFirst.Add((await PredictAsync(first, Body(1), key)).Version);
            onSecond.Add((await PredictAsync(second, Body(1), key)).Version);
        }

        using var stop = await second.SendAsync(HttpMethod.Delete, ReleasePath(), TestKeys.Admin);
        bool firstEnds = await EventuallyAsync(async () => await StatusAsync(first) is null
            && (await PredictAsync(first, Body(1), keys.First(k => ActiveRelease.Position(k) < 0.5))).Version == Served, TimeSpan.FromSeconds(20));
        Assert.Multiple(() =>
        {
            Assert.That(secondFollows, Is.True);
            Assert.That(onSecond, Is.EqualTo(onFirst), "a routing key lands on the same version in both servers");
            Assert.That(onFirst, Does.Contain(Candidate).And.Contain(Served));
            Assert.That(stop.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(firstEnds, Is.True, "the other server stops answering with the candidate");
        });
    }
}
