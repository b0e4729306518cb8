using ArchiveForecast.HttpForecast.Functions.Http;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Http;

/// <summary>The model, registry, run and document routes: each function reaches its handler with the route's values.</summary>
[TestFixture]
public sealed class ModelFunctionsTests : ServedModelFixture
{
    [Test]
    public async Task ModelInfo_ReturnsTheDefaultModelsServedVersionWithItsCardAndManifest()
    {
        var answer = await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Get("/api/model/info"), (f, r) => f.ModelInfoAsync(r, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
            Assert.That(answer.Json["model"]?["version"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(answer.Json["card"]?["model_name"]?.GetValue<string>(), Is.EqualTo(ModelName.Default));
            Assert.That(answer.Json["manifest"]?["files"], Is.Not.Null);
        });
    }

    [Test]
    public async Task NamedModelInfo_PassesTheRouteName()
    {
        var known = await App.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Get($"/api/models/{ModelName.Default}"), (f, r) => f.NamedModelInfoAsync(r, ModelName.Default, CancellationToken.None));
        var unknown = await App.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Get("/api/models/no-such-model"), (f, r) => f.NamedModelInfoAsync(r, "no-such-model", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(known.Status, Is.EqualTo(200), known.Body);
            Assert.That(unknown.Status, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task ModelVersions_ListsTheVersionsOfTheNamedModel()
    {
        var answer = await App.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Get($"/api/models/{ModelName.Default}/versions"), (f, r) => f.ModelVersionsAsync(r, ModelName.Default, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
            Assert.That(answer.Json["current"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(answer.Json["versions"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ReloadModel_ReReadsTheDefaultModelsPointer()
    {
        var answer = await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Post("/api/model/reload"), (f, r) => f.ReloadModelAsync(r, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
            Assert.That(answer.Json["version"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(answer.Json["changed"]?.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task PromoteModel_OfAVersionThatDoesNotExist_Returns404AndLeavesThePointer()
    {
        var answer = await App.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post($"/api/models/{ModelName.Default}/promote").WithJson("""{"version":99}"""),
            (f, r) => f.PromoteModelAsync(r, ModelName.Default, CancellationToken.None));
        var pointer = await App.Registry.GetPointerAsync(ModelName.Parse(ModelName.Default), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(404), answer.Body);
            Assert.That(pointer?.Value.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RollbackModel_WithoutAPreviousVersion_Returns409Problem()
    {
        var answer = await App.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post($"/api/models/{ModelName.Default}/rollback"), (f, r) => f.RollbackModelAsync(r, ModelName.Default, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(409), answer.Body);
            Assert.That(answer.ContentType, Does.StartWith("application/problem+json"));
        });
    }

    [Test]
    public async Task Retrain_Returns202_QueuesTheRequest_AndGetRunFollowsIt()
    {
        int queuedBefore = App.Queue.Count;
        var accepted = await App.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post("/api/retrain").WithJson($$"""{"model":"{{ModelName.Default}}","dataset":"{{FunctionsAppBuilder.Dataset}}"}"""),
            (f, r) => f.RetrainAsync(r, CancellationToken.None));
        string runId = accepted.Json["run_id"]!.GetValue<string>();

        var run = await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Get($"/api/runs/{runId}"), (f, r) => f.GetRunAsync(r, runId, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Status, Is.EqualTo(202), accepted.Body);
            Assert.That(accepted.Json["status_url"]?.GetValue<string>(), Does.EndWith($"/api/runs/{runId}"));
            Assert.That(App.Queue.Count, Is.EqualTo(queuedBefore + 1));
            Assert.That(run.Status, Is.EqualTo(200), run.Body);
            Assert.That(run.Json["status"]?.GetValue<string>(), Is.EqualTo("queued"));
        });
    }

    [Test]
    public async Task GetRun_OfAnUnknownRun_Returns404Problem()
    {
        const string runId = "20260301T000000Z-00000000";

        var answer = await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Get($"/api/runs/{runId}"), (f, r) => f.GetRunAsync(r, runId, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(404));
            Assert.That(answer.ContentType, Does.StartWith("application/problem+json"));
        });
    }

    [Test]
    public async Task OpenApi_ReturnsTheDocumentOfEveryRoute()
    {
        var answer = await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Get("/api/openapi.json"), (f, r) => f.OpenApiAsync(r, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(answer.Json["openapi"]?.GetValue<string>(), Does.StartWith("3."));
            Assert.That(answer.Json["paths"]?.AsObject().Select(p => p.Key), Does.Contain("/api/predict").And.Contain("/api/health"));
        });
    }

    [Test]
    public async Task Ui_ReturnsTheScenarioPage()
    {
        var answer = await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Get("/api/ui"), (f, r) => f.UiAsync(r, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(answer.ContentType, Does.StartWith("text/html"));
            Assert.That(answer.Body, Does.Contain("<html").IgnoreCase);
        });
    }
}
