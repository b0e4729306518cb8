using ArchiveForecast.Api.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary><c>GET /api/models/{name}/versions</c>: every version of a model.</summary>
public sealed class ModelVersionsFunction(VersionsHandler handler)
{
    /// <summary>Answers the request; the worker's ASP.NET Core integration writes the result.</summary>
    [Function("ModelVersions")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{name}/versions")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, name, cancellationToken);
}
