using ArchiveForecast.Api.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary><c>POST /api/predict</c>: forecasts with the default model.</summary>
public sealed class PredictFunction(PredictHandler handler)
{
    /// <summary>Answers the request; the worker's ASP.NET Core integration writes the result.</summary>
    [Function("Predict")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "predict")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, modelName: null, cancellationToken);
}
