using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Api.Tests.Http;

[TestFixture]
[Category("Http")]
public sealed class RetrainRouteTests
{
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(1);

    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => this.server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await this.server.DisposeAsync();

    [Test]
    public async Task Retrain_NewModel_Returns202AndTheQueuedRunPublishesIt()
    {
        using var response = await this.server.SendAsync(
            HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"model":"fresh-model","dataset":"{{TrainedStore.Dataset}}","create":true}""");

        var accepted = await JsonResponses.ReadAsync(response, HttpStatusCode.Accepted);
        string runId = accepted.GetProperty("run_id").GetString()!;
        string statusUrl = accepted.GetProperty("status_url").GetString()!;
        var run = await WaitForRunToFinishAsync(statusUrl);
        var info = await JsonResponses.GetAsync(this.server, "/api/models/fresh-model");

        Assert.Multiple(() =>
        {
            Assert.That(statusUrl, Is.EqualTo($"/api/runs/{runId}"));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo(statusUrl));
            Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("succeeded"), run.ToString());
            Assert.That(run.GetProperty("trigger").GetString(), Is.EqualTo("http"));
            Assert.That(run.GetProperty("dataset").GetString(), Is.EqualTo(TrainedStore.Dataset));
            Assert.That(info.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Retrain_MissingDataset_RunFailsWithAReason()
    {
        using var response = await this.server.SendAsync(HttpMethod.Post, "/api/retrain", TestKeys.Admin, """{"model":"no-data-model","dataset":"missing/nothing.csv","create":true}""");

        var accepted = await JsonResponses.ReadAsync(response, HttpStatusCode.Accepted);
        var run = await WaitForRunToFinishAsync(accepted.GetProperty("status_url").GetString()!);

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(run.GetProperty("reason").GetString(), Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public async Task Retrain_NoDatasetAndNoDefault_Returns400AtDatasetLikeAnyMissingProperty()
    {
        using var response = await this.server.SendAsync(HttpMethod.Post, "/api/retrain", TestKeys.Admin, """{"model":"archive-forecast"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/dataset");
    }

    [Test]
    public async Task Retrain_MisspelledModelWithoutCreate_Returns404AndCreatesNothing()
    {
        using var response = await this.server.SendAsync(
            HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"model":"archive-forcast","dataset":"{{TrainedStore.Dataset}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        using var models = await this.server.SendAsync(HttpMethod.Get, "/api/models/archive-forcast", TestKeys.Function);
        Assert.Multiple(() =>
        {
            Assert.That(models.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Directory.Exists(Path.Combine(this.server.ModelsPath, "archive-forcast")), Is.False, "not even a queued run record is written");
        });
    }

    [Test]
    public async Task Retrain_WithoutModel_RetrainsTheDefaultModel()
    {
        using var response = await this.server.SendAsync(
            HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"dataset":"{{TrainedStore.Dataset}}"}""");

        var accepted = await JsonResponses.ReadAsync(response, HttpStatusCode.Accepted);
        var run = await JsonResponses.GetAsync(this.server, accepted.GetProperty("status_url").GetString()!);

        Assert.That(run.GetProperty("model_name").GetString(), Is.EqualTo(TrainedStore.DefaultModel));
        await WaitForRunToFinishAsync(accepted.GetProperty("status_url").GetString()!);
    }

    [Test]
    public async Task Retrain_PromotedInThisProcess_IsServedAsSoonAsTheRunRecordSaysSo()
    {
        // Polling is off in these servers (ReloadInterval 0), so only the process's own refresh can serve the new version;
        // a wide gate tolerance makes the promotion certain.
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string?>(TestKeys.Settings) { ["Training:GateTolerance"] = "0.99" });
        using var response = await server.SendAsync(
            HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"dataset":"{{TrainedStore.Dataset}}"}""");
        var accepted = await JsonResponses.ReadAsync(response, HttpStatusCode.Accepted);

        var run = await WaitForRunToFinishAsync(accepted.GetProperty("status_url").GetString()!, server);
        var health = await JsonResponses.GetAsync(server, "/api/health", key: null);

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("promoted").GetBoolean(), Is.True, run.ToString());
            Assert.That(health.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(run.GetProperty("version").GetInt32()));
        });
    }

    [Test]
    public async Task Retrain_ServerStoppingMidTraining_RecordsTheRunCancelledReleasesTheLockAndPublishesNothing()
    {
        var server = await ApiServer.StartAsync();
        await using (var file = File.Create(Path.Combine(server.Root, "training-data", "big.csv")))
        {
            await TrainingDataCsvWriter.WriteAsync(SyntheticDataGenerator.Generate(200_000, 7), file, CancellationToken.None);
        }

        using var response = await server.SendAsync(HttpMethod.Post, "/api/retrain", TestKeys.Admin, """{"dataset":"big.csv"}""");
        var accepted = await JsonResponses.ReadAsync(response, HttpStatusCode.Accepted);
        string runId = accepted.GetProperty("run_id").GetString()!;
        await Eventually.UntilAsync(
            () => JsonResponses.GetAsync(server, accepted.GetProperty("status_url").GetString()!),
            running => running.GetProperty("status").GetString() != "queued",
            RunBound,
            TimeSpan.FromMilliseconds(25));

        // The host stops as on SIGTERM or a container stop: the retraining worker's token is cancelled mid-run.
        string models = server.ModelsPath;
        await server.DisposeAsync();

        using var record = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(models, TrainedStore.DefaultModel, "runs", runId + ".json")));
        Assert.Multiple(() =>
        {
            Assert.That(record.RootElement.GetProperty("status").GetString(), Is.EqualTo("cancelled"), record.RootElement.ToString());
            Assert.That(record.RootElement.GetProperty("stage").GetString(), Is.AnyOf("starting", "reading", "fitting", "evaluating"));
            Assert.That(File.Exists(Path.Combine(models, TrainedStore.DefaultModel, "training.lock")), Is.False, "the training lock is released");
            Assert.That(Directory.Exists(Path.Combine(models, TrainedStore.DefaultModel, "versions", (TrainedStore.CandidateVersion + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))), Is.False, "nothing is published");
        });
    }

    private Task<JsonElement> WaitForRunToFinishAsync(string statusUrl) => WaitForRunToFinishAsync(statusUrl, this.server);

    private static async Task<JsonElement> WaitForRunToFinishAsync(string statusUrl, ApiServer server)
    {
        var run = await Eventually.UntilAsync(() => JsonResponses.GetAsync(server, statusUrl), IsFinished, RunBound, TimeSpan.FromMilliseconds(250));
        Assert.That(IsFinished(run), Is.True, $"The run at {statusUrl} did not finish within {RunBound.TotalSeconds} s: {run}");
        return run;
    }

    private static bool IsFinished(JsonElement run) => run.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled";
}
