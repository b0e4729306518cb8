using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Core.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Handlers;

/// <summary>What promote and rollback share: reloading the served model after the pointer moved, and the answers.</summary>
internal static class PointerChangeResults
{
    public const string Actor = "http-api";

    public static async Task<IResult> ChangedAsync(
        HttpRequest request,
        ModelLookup models,
        ILogger logger,
        string action,
        ModelName modelName,
        PointerState state,
        CancellationToken cancellationToken)
    {
        ApiLog.PointerChanged(logger, action, modelName, PointerChangeStatus.Changed, state.Value.Version);

        // This instance follows at once; other instances follow on their next poll of the pointer.
        var served = await models.FindAsync(modelName, cancellationToken);
        string reload = "unchanged";
        int? servedVersion = null;
        if (served is not null)
        {
            var result = await served.ReloadAsync(force: false, cancellationToken);
            reload = ReloadOutcomeNames.Of(result.Outcome);
            servedVersion = served.Current?.Version;
            ApiLog.Reloaded(logger, modelName, result.Outcome, servedVersion);
        }

        return new ApiJsonResult<PointerChangeResponse>(
            StatusCodes.Status200OK,
            new PointerChangeResponse(modelName, state.Value.Version, state.Value.PreviousVersion, servedVersion, reload),
            ResponseHeaders.None.With(HeaderNames.ETag, state.ETag));
    }

    public static IResult Refused(HttpRequest request, ILogger logger, string action, string modelName, PointerChangeResult result, int? version)
    {
        ApiLog.PointerChanged(logger, action, modelName, result.Status, result.State?.Value.Version);
        return result.Status switch
        {
            PointerChangeStatus.VersionNotFound when version is not null =>
                ApiProblems.NotFound(request, $"Model '{modelName}' has no complete version {version}."),
            PointerChangeStatus.VersionNotFound =>
                ApiProblems.Create(request, ProblemTypes.Conflict, $"The previous version of '{modelName}' is missing or incomplete; nothing was changed."),
            PointerChangeStatus.NoPreviousVersion =>
                ApiProblems.Create(request, ProblemTypes.Conflict, $"Model '{modelName}' has no previous version to roll back to."),
            _ =>
                ApiProblems.Create(request, ProblemTypes.Conflict, $"The pointer of '{modelName}' changed meanwhile; read the versions again and retry."),
        };
    }
}
