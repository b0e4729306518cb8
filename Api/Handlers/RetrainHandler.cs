using ArchiveForecast.Api.Input;
using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Api.Routing;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Pipeline;
using ArchiveForecast.Training.Retraining;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>POST /api/retrain</c> with <c>{"model","dataset","create"}</c>: writes a queued run record and hands the request
/// to the retraining queue; 202 with the run id and where to follow it. <c>model</c> defaults to the default model, as
/// on every other route. A model that does not exist is 404 unless the request says <c>"create": true</c>, so a typo
/// never creates a model. A missing dataset with no configured default is 400, like any missing required property.
/// </summary>
public sealed class RetrainHandler(
    RetrainCoordinator coordinator,
    ModelRegistry registry,
    ModelLookup models,
    IOptions<TrainingOptions> trainingOptions,
    ILogger<RetrainHandler> logger)
{
    /// <summary>Queues a retraining.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => RetrainAsync(request, cancellationToken), cancellationToken);

    /// <summary>The status URL of a run.</summary>
    public static string StatusUrl(string runId) =>
        ApiRoutes.GetRun.Path.Replace("{" + ApiCall.RunIdParameter + "}", Uri.EscapeDataString(runId), StringComparison.Ordinal);

    private async Task<IResult> RetrainAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonBodyReader.ReadAsync(request, RetrainRequestParser.Parse, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        RetrainBody retrain = body.Value!;

        if (retrain.Dataset is null && string.IsNullOrEmpty(trainingOptions.Value.DefaultDataset))
        {
            const string Missing = "dataset is required: no default dataset is configured on this service.";
            return ApiProblems.Create(request, ProblemTypes.MalformedRequest, Missing, [new ProblemError("/dataset", Missing)]);
        }

        // The default name comes from validated options (ModelStore:ModelName).
        var modelName = retrain.Model ?? models.DefaultName;
        if (!retrain.Create && !await registry.ModelExistsAsync(modelName, cancellationToken))
        {
            return ApiProblems.NotFound(
                request,
                $"There is no model named '{modelName}'. To train a new model of that name, send \"create\": true.");
        }

        RunRecord run;
        try
        {
            run = await coordinator.SubmitAsync(modelName, retrain.Dataset, TrainingTriggers.Http, cancellationToken);
        }
        catch (ArgumentException)
        {
            // The parser has checked the name and the path, so what is left is a missing dataset with no default.
            const string detail = "dataset is required: no default dataset is configured on this service.";
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
