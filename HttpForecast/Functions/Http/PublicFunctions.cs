using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary>
/// The routes without a key: <c>GET /api/health</c>, <c>GET /api/openapi.json</c> and <c>GET /api/ui</c>.
/// Each function binds its route as the route table declares it and answers with the table's handler; the worker's ASP.NET Core integration writes the result.
/// </summary>
public sealed class PublicFunctions(IServiceProvider services)
{
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
}
