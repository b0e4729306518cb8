using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Handlers;

/// <summary><c>GET /api/health</c>: 200 with the served version of the default model, or 503 with a general reason.</summary>
public sealed class HealthHandler(ModelLookup models, ILogger<HealthHandler> logger, KeyAuthorizer? keys = null)
{
    /// <summary>Reports whether the default model is served.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => Task.FromResult<IResult>(Health()), cancellationToken);

    private ApiJsonResult<HealthResponse> Health()
    {
        var served = models.Default;
        var model = served.Current;
        if (model is null)
        {
            return new ApiJsonResult<HealthResponse>(
                StatusCodes.Status503ServiceUnavailable,
                new HealthResponse(HealthResponse.Unhealthy, Reason: ModelLookup.UnavailableReason(served), Anonymous: keys?.AllowAnonymous),
                ResponseHeaders.None.With(HeaderNames.RetryAfter, ApiProblems.RetryAfterSeconds(models.RetryAfter)));
        }

        return new ApiJsonResult<HealthResponse>(
            StatusCodes.Status200OK,
            new HealthResponse(HealthResponse.Healthy, new ServedModelInfo(model.Name, model.Version, model.LoadedAt), Anonymous: keys?.AllowAnonymous));
    }
}
