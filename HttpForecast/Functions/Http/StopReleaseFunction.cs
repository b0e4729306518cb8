using ArchiveForecast.Api.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary><c>DELETE /api/models/{name}/release</c>: stops the running release.</summary>
public sealed class StopReleaseFunction(ReleaseHandler handler)
{
    /// <summary>Answers the request; the worker's ASP.NET Core integration writes the result.</summary>
    [Function("StopRelease")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "models/{name}/release")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        handler.StopAsync(request, name, cancellationToken);
}
