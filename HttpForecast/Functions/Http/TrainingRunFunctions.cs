using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary>
/// Training runs: <c>POST /api/retrain</c> queues one (the queue function runs it), <c>GET /api/runs/{runId}</c> reads its record.
/// Each function binds its route as the route table declares it and answers with the table's handler; the worker's ASP.NET Core integration writes the result.
/// </summary>
public sealed class TrainingRunFunctions(IServiceProvider services)
{
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
}
