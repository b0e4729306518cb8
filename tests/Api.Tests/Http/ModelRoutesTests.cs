using ArchiveForecast.Api.Tests.Builders;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>Health, model info, versions, reload, promote, rollback and runs on a fresh copy of the store per test.</summary>
[TestFixture]
[Category("Http")]
public sealed class ModelRoutesTests
{
    private static readonly string Versions = $"/api/models/{TrainedStore.DefaultModel}/versions";
    private static readonly string Promote = $"/api/models/{TrainedStore.DefaultModel}/promote";
    private static readonly string Rollback = $"/api/models/{TrainedStore.DefaultModel}/rollback";

    private ApiServer server = null!;

    [SetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [Test]
    public async Task Health_ModelServed_Returns200WithNameVersionAndLoadTime()
    {
        using var response = await server.SendAsync(HttpMethod.Get, "/api/health");

        var health = await JsonResponses.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(health.GetProperty("model").GetProperty("name").GetString(), Is.EqualTo(TrainedStore.DefaultModel));
            Assert.That(health.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(health.GetProperty("model").GetProperty("loaded_at").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UnixEpoch));
        });
    }

    [Test]
    public async Task ModelInfo_ReturnsTheServedVersionsCardAndManifest()
    {
        var info = await JsonResponses.GetAsync(server, "/api/model/info");

        Assert.Multiple(() =>
        {
            Assert.That(info.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(info.GetProperty("card").GetProperty("model_name").GetString(), Is.EqualTo(TrainedStore.DefaultModel));
            Assert.That(info.GetProperty("card").GetProperty("metrics").GetProperty("archived_gb_next_period").GetProperty("mae").GetDouble(), Is.GreaterThan(0));
            Assert.That(info.GetProperty("manifest").GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(info.GetProperty("manifest").GetProperty("files").EnumerateObject().Select(f => f.Name), Does.Contain(ArtifactFiles.Model));
            Assert.That(info.GetProperty("load_state").GetProperty("last_attempt_failed").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task NamedModelInfo_ReturnsThatModel()
    {
        var info = await JsonResponses.GetAsync(server, $"/api/models/{TrainedStore.SecondModel}");

        Assert.That(info.GetProperty("card").GetProperty("model_name").GetString(), Is.EqualTo(TrainedStore.SecondModel));
    }

    [Test]
    public async Task Versions_ListsEveryVersionWithCurrentPreviousAndCandidates()
    {
        using var response = await server.SendAsync(HttpMethod.Get, Versions, TestKeys.Function);

        var versions = await JsonResponses.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(versions.GetProperty("model").GetString(), Is.EqualTo(TrainedStore.DefaultModel));
            Assert.That(versions.GetProperty("current").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(versions.GetProperty("previous").GetInt32(), Is.EqualTo(TrainedStore.PreviousVersion));
            Assert.That(versions.GetProperty("served").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(versions.GetProperty("candidates").EnumerateArray().Select(v => v.GetInt32()), Is.EquivalentTo(new[] { TrainedStore.PreviousVersion, TrainedStore.CandidateVersion }));
            Assert.That(
                versions.GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("status").GetString())),
                Is.EqualTo(new[] { (3, "candidate"), (2, "current"), (1, "candidate") }));
            Assert.That(versions.GetProperty("versions")[0].GetProperty("metrics").ValueKind, Is.EqualTo(JsonValueKind.Object));
        });
    }

    [Test]
    public async Task Reload_PointerUnchanged_ReportsTheSameVersion()
    {
        var reload = await JsonResponses.PostAsync(server, "/api/model/reload");

        Assert.Multiple(() =>
        {
            Assert.That(reload.GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(reload.GetProperty("outcome").GetString(), Is.EqualTo("unchanged"));
            Assert.That(reload.GetProperty("changed").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task Reload_AfterThePointerMovedElsewhere_ServesTheNewVersion()
    {
        await PromoteOutsideTheApiAsync(TrainedStore.CandidateVersion);

        var reload = await JsonResponses.PostAsync(server, "/api/model/reload");
        using var predict = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Build());
        var prediction = await JsonResponses.ReadAsync(predict);

        Assert.Multiple(() =>
        {
            Assert.That(reload.GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CandidateVersion));
            Assert.That(reload.GetProperty("outcome").GetString(), Is.EqualTo("swapped"));
            Assert.That(reload.GetProperty("changed").GetBoolean(), Is.True);
            Assert.That(prediction.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CandidateVersion));
        });
    }

    [Test]
    public async Task Reload_NewVersionCorrupt_Returns503AndKeepsServingTheLastGood()
    {
        await PromoteOutsideTheApiAsync(TrainedStore.CandidateVersion);
        string zip = Path.Combine(server.ModelsPath, TrainedStore.DefaultModel, "versions", "3", ArtifactFiles.Model);
        await File.WriteAllBytesAsync(zip, (await File.ReadAllBytesAsync(zip))[..100]);

        using var reload = await server.SendAsync(HttpMethod.Post, "/api/model/reload", TestKeys.Admin);
        var problem = await ProblemAssert.IsProblemAsync(reload, HttpStatusCode.ServiceUnavailable);
        var health = await JsonResponses.GetAsync(server, "/api/health", key: null);

        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/reload-failed"));
            Assert.That(problem.GetProperty("served_version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"version {TrainedStore.CurrentVersion} is still served"));
            Assert.That(reload.Headers.RetryAfter, Is.Not.Null);
            Assert.That(health.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
        });
    }

    [Test]
    public async Task Promote_Candidate_SwapsThePointerAndServesIt()
    {
        using var response = await server.SendAsync(HttpMethod.Post, Promote, TestKeys.Admin, """{"version":3}""");

        var promote = await JsonResponses.ReadAsync(response);
        var health = await JsonResponses.GetAsync(server, "/api/health", key: null);
        var versions = await JsonResponses.GetAsync(server, Versions);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(promote.GetProperty("model").GetString(), Is.EqualTo(TrainedStore.DefaultModel));
            Assert.That(promote.GetProperty("version").GetInt32(), Is.EqualTo(3));
            Assert.That(promote.GetProperty("previous_version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(promote.GetProperty("served_version").GetInt32(), Is.EqualTo(3));
            Assert.That(promote.GetProperty("reload").GetString(), Is.EqualTo("swapped"));
            Assert.That(health.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(3));
            Assert.That(versions.GetProperty("current").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Promote_WithTheCurrentETagAsIfMatch_Succeeds_AndAStaleOneGets409()
    {
        using var listed = await server.SendAsync(HttpMethod.Get, Versions, TestKeys.Function);
        string etag = listed.Headers.ETag!.ToString();

        using var first = ApiServer.Request(HttpMethod.Post, Promote, TestKeys.Admin, json: """{"version":3}""");
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        using var firstResponse = await server.Client.SendAsync(first);
        using var second = ApiServer.Request(HttpMethod.Post, Promote, TestKeys.Admin, json: """{"version":1}""");
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        var before = await StoreSnapshot.TakeAsync(server);
        using var secondResponse = await server.Client.SendAsync(second);

        Assert.That(firstResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var problem = await ProblemAssert.IsProblemAsync(secondResponse, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/conflict"));
        await StoreSnapshot.AssertUnchangedAsync(server, before);
    }

    [Test]
    public async Task Rollback_ServesThePreviousVersionAgain()
    {
        var rollback = await JsonResponses.PostAsync(server, Rollback);
        var health = await JsonResponses.GetAsync(server, "/api/health", key: null);

        Assert.Multiple(() =>
        {
            Assert.That(rollback.GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.PreviousVersion));
            Assert.That(
                rollback.TryGetProperty("previous_version", out var previous) ? previous.ValueKind : JsonValueKind.Undefined,
                Is.Not.EqualTo(JsonValueKind.Number),
                "the version rolled back from is no way back");
            Assert.That(rollback.GetProperty("served_version").GetInt32(), Is.EqualTo(TrainedStore.PreviousVersion));
            Assert.That(health.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.PreviousVersion));
        });
    }

    [Test]
    public async Task Rollback_AfterThreePromotions_WalksBackOneVersionAtATimeAndStopsAtTheFirst()
    {
        await JsonResponses.PostAsync(server, Promote, "{\"version\":3}");
        var listed = await JsonResponses.GetAsync(server, Versions);
        var info = await JsonResponses.GetAsync(server, "/api/model/info");

        var first = await JsonResponses.PostAsync(server, Rollback);
        var second = await JsonResponses.PostAsync(server, Rollback);
        using var third = await server.SendAsync(HttpMethod.Post, Rollback, TestKeys.Admin);
        var health = await JsonResponses.GetAsync(server, "/api/health", key: null);

        Assert.Multiple(() =>
        {
            Assert.That(listed.GetProperty("history").EnumerateArray().Select(v => v.GetInt32()), Is.EqualTo(new[] { 2, 1 }));
            Assert.That(info.GetProperty("promotion").GetProperty("history").EnumerateArray().Select(v => v.GetInt32()), Is.EqualTo(new[] { 2, 1 }));
            Assert.That(info.GetProperty("promotion").GetProperty("current").GetInt32(), Is.EqualTo(3));
            Assert.That(first.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(second.GetProperty("version").GetInt32(), Is.EqualTo(1), "back again, not forward to 3");
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "nothing before version 1");
            Assert.That(health.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Rollback_NothingToRollBackTo_Returns409AndChangesNothing()
    {
        var before = await StoreSnapshot.TakeAsync(server);

        using var response = await server.SendAsync(HttpMethod.Post, $"/api/models/{TrainedStore.SecondModel}/rollback", TestKeys.Admin);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        await StoreSnapshot.AssertUnchangedAsync(server, before);
    }

    [Test]
    public async Task Runs_RunOfAPublishedVersion_ReturnsItsRecord()
    {
        var versions = await JsonResponses.GetAsync(server, Versions);
        string runId = versions.GetProperty("versions")[0].GetProperty("run_id").GetString()!;

        var run = await JsonResponses.GetAsync(server, $"/api/runs/{runId}");

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("run_id").GetString(), Is.EqualTo(runId));
            Assert.That(run.GetProperty("model_name").GetString(), Is.EqualTo(TrainedStore.DefaultModel));
            Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("succeeded"));
        });
    }

    private async Task PromoteOutsideTheApiAsync(int version)
    {
        var registry = server.Server.Services.GetRequiredService<ModelRegistry>();
        var result = await registry.PromoteAsync(ModelName.Parse(TrainedStore.DefaultModel), version, null, "test", "moved outside the API", CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Changed));
    }
}
