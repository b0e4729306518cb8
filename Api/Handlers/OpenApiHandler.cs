using System.Text;
using ArchiveForecast.Api.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI document, built once from the route table.</summary>
public sealed class OpenApiHandler(ILogger<OpenApiHandler> logger)
{
    /// <summary>Returns the document.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(
            request,
            logger,
            () => Task.FromResult<IResult>(TypedResults.Text(OpenApiDocument.Json, "application/json; charset=utf-8", Encoding.UTF8)),
            cancellationToken);
}
