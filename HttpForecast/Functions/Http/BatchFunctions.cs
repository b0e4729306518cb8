using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary>
/// Batch scoring jobs: <c>POST /api/batch</c> and <c>POST /api/models/{name}/batch</c> queue one (the queue function
/// runs it; <c>GET /api/runs/{runId}</c> follows it). Function key: a job scores, it changes no model.
/// Each function binds its route as the route table declares it and answers with the table's handler.
/// </summary>
public sealed class BatchFunctions(IServiceProvider services)
{
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
}
