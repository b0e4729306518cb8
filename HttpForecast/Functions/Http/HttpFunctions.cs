using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary>
/// Every HTTP function of the app, in one place, in the order of the route table's areas. Each function binds its
/// route, method and key level as <see cref="ApiRoutes"/> declares them (the worker's metadata generator needs them
/// written out as attributes; a test checks they agree) and answers with the table's handler; the worker's ASP.NET Core
/// integration writes the result.
/// </summary>
public sealed class HttpFunctions(IServiceProvider services)
{
    // Without a key: health, the OpenAPI document and the planner page.

    /// <summary>Answers <see cref="ApiRoutes.Health"/>.</summary>
    [Function(nameof(ApiRoutes.Health))]
    public Task<IResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiRoutes.Health.InvokeAsync(services, new ApiCall(request, cancellationToken));

    /// <summary>Answers <see cref="ApiRoutes.OpenApi"/>.</summary>
    [Function(nameof(ApiRoutes.OpenApi))]
    public Task<IResult> OpenApiAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiRoutes.OpenApi.InvokeAsync(services, new ApiCall(request, cancellationToken));

    /// <summary>Answers <see cref="ApiRoutes.Ui"/>.</summary>
    [Function(nameof(ApiRoutes.Ui))]
    public Task<IResult> UiAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ui")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiRoutes.Ui.InvokeAsync(services, new ApiCall(request, cancellationToken));

    // Forecasts (function key).

    /// <summary>Answers <see cref="ApiRoutes.Predict"/>.</summary>
    [Function(nameof(ApiRoutes.Predict))]
    public Task<IResult> PredictAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "predict")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiRoutes.Predict.InvokeAsync(services, new ApiCall(request, cancellationToken));

    /// <summary>Answers <see cref="ApiRoutes.PredictModel"/>.</summary>
    [Function(nameof(ApiRoutes.PredictModel))]
    public Task<IResult> PredictModelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{name}/predict")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.PredictModel.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });

    // Batch scoring jobs (function key: a job scores, it changes no model; the queue function runs it).

    /// <summary>Answers <see cref="ApiRoutes.SubmitBatch"/>.</summary>
    [Function(nameof(ApiRoutes.SubmitBatch))]
    public Task<IResult> SubmitBatchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batch")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiRoutes.SubmitBatch.InvokeAsync(services, new ApiCall(request, cancellationToken));

    /// <summary>Answers <see cref="ApiRoutes.SubmitModelBatch"/>.</summary>
    [Function(nameof(ApiRoutes.SubmitModelBatch))]
    public Task<IResult> SubmitModelBatchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{name}/batch")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.SubmitModelBatch.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });

    // Training runs: queued here, run by the queue function, read back by id.

    /// <summary>Answers <see cref="ApiRoutes.Retrain"/>.</summary>
    [Function(nameof(ApiRoutes.Retrain))]
    public Task<IResult> RetrainAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "retrain")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiRoutes.Retrain.InvokeAsync(services, new ApiCall(request, cancellationToken));

    /// <summary>Answers <see cref="ApiRoutes.GetRun"/>.</summary>
    [Function(nameof(ApiRoutes.GetRun))]
    public Task<IResult> GetRunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken) =>
        ApiRoutes.GetRun.InvokeAsync(services, new ApiCall(request, cancellationToken) { RunId = runId });

    // A model's card and versions (function key), and its pointer (admin key).

    /// <summary>Answers <see cref="ApiRoutes.ModelInfo"/>.</summary>
    [Function(nameof(ApiRoutes.ModelInfo))]
    public Task<IResult> ModelInfoAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "model/info")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiRoutes.ModelInfo.InvokeAsync(services, new ApiCall(request, cancellationToken));

    /// <summary>Answers <see cref="ApiRoutes.NamedModelInfo"/>.</summary>
    [Function(nameof(ApiRoutes.NamedModelInfo))]
    public Task<IResult> NamedModelInfoAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.NamedModelInfo.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });

    /// <summary>Answers <see cref="ApiRoutes.ModelVersions"/>.</summary>
    [Function(nameof(ApiRoutes.ModelVersions))]
    public Task<IResult> ModelVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{name}/versions")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.ModelVersions.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });

    /// <summary>Answers <see cref="ApiRoutes.ReloadModel"/>.</summary>
    [Function(nameof(ApiRoutes.ReloadModel))]
    public Task<IResult> ReloadModelAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "model/reload")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiRoutes.ReloadModel.InvokeAsync(services, new ApiCall(request, cancellationToken));

    /// <summary>Answers <see cref="ApiRoutes.PromoteModel"/>.</summary>
    [Function(nameof(ApiRoutes.PromoteModel))]
    public Task<IResult> PromoteModelAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{name}/promote")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.PromoteModel.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });

    /// <summary>Answers <see cref="ApiRoutes.RollbackModel"/>.</summary>
    [Function(nameof(ApiRoutes.RollbackModel))]
    public Task<IResult> RollbackModelAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{name}/rollback")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.RollbackModel.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });

    /// <summary>Answers <see cref="ApiRoutes.RetireModel"/>.</summary>
    [Function(nameof(ApiRoutes.RetireModel))]
    public Task<IResult> RetireModelAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{name}/retire")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.RetireModel.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });

    // A model's canary or shadow release: watched with a function key, started and stopped with the admin key.

    /// <summary>Answers <see cref="ApiRoutes.GetRelease"/>.</summary>
    [Function(nameof(ApiRoutes.GetRelease))]
    public Task<IResult> GetReleaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{name}/release")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.GetRelease.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });

    /// <summary>Answers <see cref="ApiRoutes.StartRelease"/>.</summary>
    [Function(nameof(ApiRoutes.StartRelease))]
    public Task<IResult> StartReleaseAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{name}/release")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.StartRelease.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });

    /// <summary>Answers <see cref="ApiRoutes.StopRelease"/>.</summary>
    [Function(nameof(ApiRoutes.StopRelease))]
    public Task<IResult> StopReleaseAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "models/{name}/release")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiRoutes.StopRelease.InvokeAsync(services, new ApiCall(request, cancellationToken) { Name = name });
}
