using ArchiveForecast.Api.Input;
using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Batch;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>POST /api/models/{name}/batch</c> and <c>POST /api/batch</c> (the default model) with
/// <c>{"dataset","output"}</c>: checks the model and the dataset exist, writes a queued run record (kind <c>batch</c>)
/// and hands the job to the job queue; 202 with the run id and where to follow it. An unknown model or dataset is 404,
/// a dataset path outside the data store or a bad output name 422, and none of them writes anything.
/// </summary>
public sealed class BatchHandler(
    BatchCoordinator coordinator,
    ModelRegistry registry,
    ModelLookup models,
    ILogger<BatchHandler> logger)
{
    /// <summary>Queues a batch job of <paramref name="modelName"/> (null for the default model).</summary>
    public Task<IResult> HandleAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => SubmitAsync(request, modelName, cancellationToken), cancellationToken);

    private async Task<IResult> SubmitAsync(HttpRequest request, string? routeName, CancellationToken cancellationToken)
    {
        // The model first: a request to a model that does not exist is 404 whatever its body says.
        string name = routeName ?? models.DefaultName;
        if (!ModelName.TryParse(name, out var modelName, out _) || !await registry.ModelExistsAsync(modelName, cancellationToken))
        {
            return ModelLookup.UnknownModel(request, name);
        }

        var body = await JsonBodyReader.ReadAsync(request, BatchRequestParser.Parse, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        BatchBody batch = body.Value!;

        RunRecord run;
        try
        {
            run = await coordinator.SubmitAsync(modelName, batch.Dataset, batch.Output, TrainingTriggers.Http, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return ApiProblems.NotFound(request, $"There is no dataset '{batch.Dataset}' in the data store.");
        }
        catch (ArgumentException)
        {
            const string outside = "The dataset path leads outside the data store.";
            return ApiProblems.Create(request, ProblemTypes.Validation, outside, [new ProblemError("/dataset", outside)]);
        }
        catch (TrainingDataException ex)
        {
            // Too large for the configured limit: the message names the limit, never a storage detail.
            return ApiProblems.Create(request, ProblemTypes.Validation, ex.Message, [new ProblemError("/dataset", ex.Message)]);
        }

        ApiLog.BatchQueued(logger, run.ModelName, run.RunId);
        string statusUrl = RetrainHandler.StatusUrl(run.RunId);
        return new ApiJsonResult<BatchAccepted>(
            StatusCodes.Status202Accepted,
            new BatchAccepted(run.RunId, statusUrl),
            ResponseHeaders.None.With(HeaderNames.Location, statusUrl));
    }
}
