using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Core.Inference;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>POST /api/model/reload</c>: re-reads the default model's pointer now. A failed load keeps the last good model,
/// and the 503 says which version is still served.
/// </summary>
public sealed class ReloadHandler(ModelLookup models, ILogger<ReloadHandler> logger)
{
    /// <summary>Reloads the default model (<paramref name="modelName"/> null) or a named one.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => ReloadAsync(request, modelName, cancellationToken), cancellationToken);

    private async Task<IResult> ReloadAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken)
    {
        var name = models.Parse(modelName);
        var served = name is null ? null : await models.FindAsync(name, cancellationToken);
        if (served is null)
        {
            return ModelLookup.UnknownModel(request, modelName);
        }

        var result = await served.ReloadAsync(force: false, cancellationToken);
        var current = served.Current;
        if (result.Outcome == ReloadOutcome.Failed)
        {
            ApiLog.ReloadFailed(logger, served.Name, current?.Version);
            string detail = current is null
                ? $"The version the pointer of '{served.Name}' names could not be loaded, and no version is served."
                : $"The version the pointer of '{served.Name}' names could not be loaded; version {current.Version} is still served.";
            return ApiProblems.Unavailable(request, ProblemTypes.ReloadFailed, detail, models.RetryAfter, current?.Version);
        }

        ApiLog.Reloaded(logger, served.Name, result.Outcome, current?.Version);
        if (current is null)
        {
            return models.Unavailable(request, served);
        }

        return new ApiJsonResult<ReloadResponse>(
            StatusCodes.Status200OK,
            new ReloadResponse(served.Name, current.Version, ReloadOutcomeNames.Of(result.Outcome), result.Outcome == ReloadOutcome.Swapped));
    }
}
