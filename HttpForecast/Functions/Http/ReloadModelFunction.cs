using ArchiveForecast.Api.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Http;

/// <summary><c>POST /api/model/reload</c>: re-reads the default model's pointer now.</summary>
public sealed class ReloadModelFunction(ReloadHandler handler)
{
    /// <summary>Answers the request; the worker's ASP.NET Core integration writes the result.</summary>
    [Function("ReloadModel")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "model/reload")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, modelName: null, cancellationToken);
}
