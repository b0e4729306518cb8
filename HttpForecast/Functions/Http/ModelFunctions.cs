using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary>
/// A model's card, versions and pointer: <c>/api/model/…</c> and <c>/api/models/{name}/…</c>.
/// Each function binds its route as the route table declares it and answers with the table's handler; the worker's ASP.NET Core integration writes the result.
/// </summary>
public sealed class ModelFunctions(IServiceProvider services)
{
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
}
