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
    /// <summary>What run records of HTTP-started runs name as their trigger.</summary>
    public const string Trigger = "http";

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
            run = await coordinator.SubmitAsync(retrain.Model, retrain.Dataset, Trigger, cancellationToken);
        }
        catch (ArgumentException)
        {
            // The parser checks the same rules; this only keeps a disagreement from becoming a 500.
            return ApiProblems.Create(
                request,
                ProblemTypes.Validation,
                "The model name or the dataset path is not acceptable.",
                [new ProblemError("/model", "model must be a valid model name."), new ProblemError("/dataset", "dataset must be a plain relative path.")]);
        }

        ApiLog.RetrainQueued(logger, run.ModelName, run.RunId);
        string statusUrl = StatusUrl(run.RunId);
        return new ApiJsonResult<RetrainAccepted>(
            StatusCodes.Status202Accepted,
            new RetrainAccepted(run.RunId, statusUrl),
            ResponseHeaders.None.With(HeaderNames.Location, statusUrl));
    }
}
