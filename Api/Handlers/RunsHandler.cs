using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Core.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary><c>GET /api/runs/{runId}</c>: a training run's record, or 404. Ids that cannot be run ids never reach the store.</summary>
public sealed class RunsHandler(ModelRegistry registry, ILogger<RunsHandler> logger)
{
    /// <summary>Returns the record of <paramref name="runId"/>.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, string runId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => FindAsync(request, runId, cancellationToken), cancellationToken);

    private async Task<IResult> FindAsync(HttpRequest request, string runId, CancellationToken cancellationToken)
    {
        if (!RunId.TryParse(runId, out var parsed, out _))
        {
            return ApiProblems.NotFound(request, "There is no run with that id.");
        }

        var run = await registry.FindRunAsync(parsed, cancellationToken);
        return run is null
            ? ApiProblems.NotFound(request, $"There is no run '{runId}'.")
            : new ApiJsonResult<RunRecord>(StatusCodes.Status200OK, run);
    }
}
