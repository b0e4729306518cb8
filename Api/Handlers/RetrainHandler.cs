using ArchiveForecast.Api.Input;
using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Api.Routing;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>POST /api/retrain</c> with <c>{"model","dataset"}</c>: writes a queued run record and hands the request to the
/// retraining queue; 202 with the run id and where to follow it. A model that does not exist yet may be trained.
/// </summary>
public sealed class RetrainHandler(RetrainCoordinator coordinator, ILogger<RetrainHandler> logger)
{
    /// <summary>Queues a retraining.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => RetrainAsync(request, cancellationToken), cancellationToken);

    /// <summary>The status URL of a run.</summary>
    public static string StatusUrl(string runId) =>
        ApiRoutes.Run.Path.Replace("{run_id}", Uri.EscapeDataString(runId), StringComparison.Ordinal);

    private async Task<IResult> RetrainAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        RetrainBody retrain;
        using (var body = await JsonBodyReader.ReadAsync(request, cancellationToken))
        {
            if (body.Problem is { } refused)
            {
                return refused;
            }

            var parsed = RetrainRequestParser.Parse(body.Span);
            if (!parsed.Succeeded)
            {
                return parsed.ToProblem(request);
            }

            retrain = parsed.Value!;
        }

        RunRecord run;
        try
        {
            run = await coordinator.SubmitAsync(retrain.Model, retrain.Dataset, TrainingTriggers.Http, cancellationToken);
        }
        catch (ArgumentException)
        {
            // The parser has checked the name and the path, so what is left is a missing dataset with no default.
            string detail = retrain.Dataset is null
                ? "dataset is required: no default dataset is configured on this service."
                : "dataset is not a path this service accepts.";
            return ApiProblems.Create(request, ProblemTypes.Validation, detail, [new ProblemError("/dataset", detail)]);
        }

        ApiLog.RetrainQueued(logger, run.ModelName, run.RunId);
        string statusUrl = StatusUrl(run.RunId);
        return new ApiJsonResult<RetrainAccepted>(
            StatusCodes.Status202Accepted,
            new RetrainAccepted(run.RunId, statusUrl),
            ResponseHeaders.None.With(HeaderNames.Location, statusUrl));
    }
}
