using ArchiveForecast.Api.Responses;
using ArchiveForecast.Core.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>GET /api/models/{name}/versions</c>: every version with its metrics, the current one and the candidates. The
/// pointer's ETag is returned so that a promote can send it back as <c>If-Match</c>.
/// </summary>
public sealed class VersionsHandler(ModelRegistry registry, ModelLookup models, ILogger<VersionsHandler> logger)
{
    /// <summary>Lists the versions of <paramref name="modelName"/>.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => ListAsync(request, modelName, cancellationToken), cancellationToken);

    private async Task<IResult> ListAsync(HttpRequest request, string? routeName, CancellationToken cancellationToken)
    {
        if (models.Parse(routeName) is not { } modelName)
        {
            return ModelLookup.UnknownModel(request, routeName);
        }

        if (!await registry.ModelExistsAsync(modelName, cancellationToken))
        {
            return ModelLookup.UnknownModel(request, modelName);
        }

        var versions = await registry.ListVersionsAsync(modelName, cancellationToken);

        var pointer = await registry.GetPointerAsync(modelName, cancellationToken);
        var response = new VersionsResponse(
            modelName,
            pointer?.Value.Version,
            pointer?.Value.PreviousVersion,
            (await models.FindServingAsync(modelName, cancellationToken))?.Current?.Version,
            [.. versions.Where(v => v.Status == VersionStatus.Candidate).Select(v => v.Version)],
            versions,
            pointer?.Value.RollbackPath() ?? []);
        var headers = pointer is null ? null : ResponseHeaders.None.With(HeaderNames.ETag, pointer.ETag);
        return new ApiJsonResult<VersionsResponse>(StatusCodes.Status200OK, response, headers);
    }
}
