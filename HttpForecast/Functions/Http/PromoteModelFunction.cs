using ArchiveForecast.Api.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary><c>POST /api/models/{name}/promote</c>: points a model at a version.</summary>
public sealed class PromoteModelFunction(PromoteHandler handler)
{
    /// <summary>Answers the request; the worker's ASP.NET Core integration writes the result.</summary>
    [Function("PromoteModel")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{name}/promote")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, name, cancellationToken);
}
