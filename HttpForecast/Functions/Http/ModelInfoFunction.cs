using ArchiveForecast.Api.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary><c>GET /api/model/info</c>: the default model's card and manifest.</summary>
public sealed class ModelInfoFunction(ModelInfoHandler handler)
{
    /// <summary>Answers the request; the worker's ASP.NET Core integration writes the result.</summary>
    [Function("ModelInfo")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "model/info")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, modelName: null, cancellationToken);
}
