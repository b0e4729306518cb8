using ArchiveForecast.Api.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary><c>GET /api/models/{name}/release</c>: the running release and this instance's numbers of it.</summary>
public sealed class GetReleaseFunction(ReleaseHandler handler)
{
    /// <summary>Answers the request; the worker's ASP.NET Core integration writes the result.</summary>
    [Function("GetRelease")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{name}/release")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        handler.GetAsync(request, name, cancellationToken);
}
