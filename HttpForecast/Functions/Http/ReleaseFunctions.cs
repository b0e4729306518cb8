using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary>
/// A model's canary or shadow release: <c>/api/models/{name}/release</c>, watched with a function key, started and
/// stopped with the admin key. Each function binds its route as the route table declares it and answers with the
/// table's handler; the worker's ASP.NET Core integration writes the result.
/// </summary>
public sealed class ReleaseFunctions(IServiceProvider services)
{
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
