using ArchiveForecast.Api.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary><c>POST /api/models/{name}/rollback</c>: points a model back at its previous version.</summary>
public sealed class RollbackModelFunction(RollbackHandler handler)
{
    /// <summary>Answers the request; the worker's ASP.NET Core integration writes the result.</summary>
    [Function("RollbackModel")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{name}/rollback")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, name, cancellationToken);
}
