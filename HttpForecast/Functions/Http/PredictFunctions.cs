using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary>
/// Forecasts: <c>POST /api/predict</c> and <c>POST /api/models/{name}/predict</c>.
/// Each function binds its route as the route table declares it and answers with the table's handler; the worker's ASP.NET Core integration writes the result.
/// </summary>
public sealed class PredictFunctions(IServiceProvider services)
{
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
}
