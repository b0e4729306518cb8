using ArchiveForecast.Api.Tests.Http;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.Logging;
using static ArchiveForecast.Api.Tests.Releases.ReleaseClient;

namespace ArchiveForecast.Api.Tests.Releases;

/// <summary>
/// Auto-abort through the Kestrel host of <c>serve</c> for the guards a shadow comparison does not exercise: a candidate
/// that fails more often than the served version, and one whose p99 latency is a multiple of the served version's.
/// Both candidates are real published versions (<see cref="ReleaseCandidates"/>) that pass the start's verification.
/// </summary>
[TestFixture]
[Category("Http")]
[Category("Slow")]
public sealed class ReleaseGuardServeTests
{
    private const int Served = TrainedStore.CurrentVersion;
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(60);

    private ApiServer server = null!;

    [SetUp]
    public async Task StartServer() => this.server = await ApiServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await this.server.DisposeAsync();

    [Test]
    public async Task AutoAbort_ACandidateThatFailsOnHalfTheRequests_EndsItsRelease_AndItsFailuresAreAnsweredByTheServedVersion()
    {
        int candidate = await PublishAsync(ReleaseCandidates.Failing(TrainedStore.DefaultModel, "run-failing"));
        string passing = ReleaseCandidates.Body(ReleaseCandidates.PassingInput);
        string failing = ReleaseCandidates.Body(ReleaseCandidates.FailingInput);
        var started = await StartAsync(this.server, StartBody(candidate, 1.0, extra: ",\"min_requests\":20,\"max_error_rate_increase\":0.05,\"max_latency_ratio\":1000"));
        string id = started.GetProperty("release").GetProperty("id").GetString()!;

        var answeredFailing = new List<int>();
        var answeredPassing = new List<int>();
        bool ended = await EventuallyAsync(async () =>
        {
            answeredFailing.Add((await PredictAsync(this.server, failing)).Version);
            answeredPassing.Add((await PredictAsync(this.server, passing)).Version);
            return await EndedAsync(id);
        }, EndTimeout);

        var after = await PredictAsync(this.server, passing);
        var record = ReadRecord(id);
        Assert.Multiple(() =>
        {
            Assert.That(ended, Is.True, "the release ended itself");
            Assert.That(Pointer(this.server).TryGetProperty("release", out _), Is.False, "the pointer holds no release");
            Assert.That(Pointer(this.server).GetProperty("version").GetInt32(), Is.EqualTo(Served));
            Assert.That(answeredFailing, Is.All.EqualTo(Served), "a request the candidate fails is answered by the served version");
            Assert.That(answeredPassing, Does.Contain(candidate), "the candidate answered what it could while the release ran");
            Assert.That(after.Version, Is.EqualTo(Served), "after the abort the served version answers everything");
            Assert.That(record.GetProperty("outcome").GetString(), Is.EqualTo("aborted"));
            Assert.That(record.GetProperty("ended_by").GetString(), Is.EqualTo("auto-abort"));
            Assert.That(record.GetProperty("reason").GetString(), Does.Contain($"candidate version {candidate} failed").And.Contain("the allowed increase is"));
            Assert.That(record.GetProperty("stats").GetProperty("candidate").GetProperty("errors").GetInt64(), Is.GreaterThanOrEqualTo(10));
            Assert.That(record.GetProperty("stats").GetProperty("served").GetProperty("errors").GetInt64(), Is.Zero);
            Assert.That(this.server.Logs.Entries.Any(e => e.EventId == 1906 && e.Level == LogLevel.Warning), Is.True, "the abort is logged at warning level");
        });
    }

    [Test]
    public async Task AutoAbort_ACandidateWhoseP99IsAboveTheRatio_EndsItsRelease_WithARecordThatSaysSo()
    {
        int candidate = await PublishAsync(ReleaseCandidates.Slow(TrainedStore.DefaultModel, "run-slow"));

        // Two hundred rows a request (one thread: a batch is split over cores from 250 rows): the cost of the trees, not
        // the request's fixed overhead or a scheduling hiccup, decides each role's latency.
        string batch = ReleaseCandidates.Body(ReleaseCandidates.PassingInput, count: 200);
        var started = await StartAsync(this.server, StartBody(candidate, 0.5, extra: ",\"min_requests\":30,\"max_latency_ratio\":3,\"max_error_rate_increase\":1"));
        string id = started.GetProperty("release").GetProperty("id").GetString()!;

        var answered = new List<int>();
        bool ended = await EventuallyAsync(async () =>
        {
            answered.Add((await PredictAsync(this.server, batch)).Version);
            return await EndedAsync(id);
        }, EndTimeout);

        var after = await PredictAsync(this.server, batch);
        var record = ReadRecord(id);
        TestContext.Out.WriteLine($"{answered.Count} requests; {record.GetProperty("reason").GetString()}");
        var stats = record.GetProperty("stats");
        Assert.Multiple(() =>
        {
            Assert.That(ended, Is.True, "the release ended itself");
            Assert.That(Pointer(this.server).TryGetProperty("release", out _), Is.False, "the pointer holds no release");
            Assert.That(answered, Does.Contain(candidate).And.Contain(Served), "half the requests went to the candidate while it ran");
            Assert.That(after.Version, Is.EqualTo(Served), "after the abort the served version answers everything");
            Assert.That(record.GetProperty("outcome").GetString(), Is.EqualTo("aborted"));
            Assert.That(record.GetProperty("ended_by").GetString(), Is.EqualTo("auto-abort"));
            Assert.That(record.GetProperty("reason").GetString(), Does.Contain("p99 latency").And.Contain("3 x served version"));
            Assert.That(stats.GetProperty("candidate").GetProperty("errors").GetInt64(), Is.Zero, "nothing failed: latency alone ended it");
            Assert.That(
                stats.GetProperty("candidate").GetProperty("p99_ms").GetDouble(),
                Is.GreaterThan(3 * stats.GetProperty("served").GetProperty("p99_ms").GetDouble()));
        });
    }

    private async Task<int> PublishAsync(PublishRequest request)
    {
        var registry = new ModelRegistry(new FolderArtifactStore(this.server.ModelsPath, TimeProvider.System), TimeProvider.System);
        return (await registry.PublishAsync(ModelName.Parse(TrainedStore.DefaultModel), request, CancellationToken.None)).Version;
    }

    // The pointer is cleared first and the record written right after, so both are waited for.
    private async Task<bool> EndedAsync(string id) => await StatusAsync(this.server) is null && File.Exists(RecordPath(id));

    private string RecordPath(string id) => Path.Combine(this.server.ModelsPath, TrainedStore.DefaultModel, "releases", id + ".json");

    private JsonElement ReadRecord(string id)
    {
        using var record = JsonDocument.Parse(File.ReadAllBytes(RecordPath(id)));
        return record.RootElement.Clone();
    }
}
