using ArchiveForecast.Api.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary><c>POST /api/models/{name}/release</c>: starts (or widens) a release of a candidate version.</summary>
public sealed class StartReleaseFunction(ReleaseHandler handler)
{
    /// <summary>Answers the request; the worker's ASP.NET Core integration writes the result.</summary>
    [Function("StartRelease")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{name}/release")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        handler.StartAsync(request, name, cancellationToken);
}
