using System.Text.Json;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Jobs;

/// <summary>
/// What the queue-triggered function does with one message of the retraining queue (the text the host hands over,
/// already Base64-decoded, and how many times it was delivered). A message that cannot be processed gets a failed run
/// record saying why whenever it names a run, and the failure is rethrown so the host retries it and, after
/// <see cref="RetrainQueueOptions.MaxDequeueCount"/> deliveries, moves it to the poison queue (<c>retrain-requests-poison</c>).
/// </summary>
public sealed class RetrainQueueMessageHandler(
    RetrainJobHandler handler,
    ModelRegistry registry,
    IOptions<RetrainQueueOptions> options,
    TimeProvider timeProvider,
    ILogger<RetrainQueueMessageHandler> logger)
{
    /// <summary>Deliveries before a message is poisoned: the last one records the failure.</summary>
    public int MaxDequeueCount => options.Value.MaxDequeueCount;

    /// <summary>Handles one message.</summary>
    /// <exception cref="FormatException">The message is not a retraining request (recorded against its run when it names one).</exception>
    public async Task<TrainingResult> HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        RetrainRequest request;
        try
        {
            request = StorageQueueRetrainQueue.Deserialize(messageText);
        }
        catch (FormatException ex)
        {
            if (TryReadRun(messageText) is not { } run)
            {
                TrainingLog.QueueMessageUnreadable(logger, dequeueCount, ex);
                throw;
            }

            await RecordFailureAsync(run.ModelName, run.RunId, null, "the queue message is not a valid retraining request (run_id, model_name and trigger are required)", dequeueCount, ex, cancellationToken);
            throw;
        }

        try
        {
            return await handler.HandleAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Before the last delivery nothing is recorded: a finished (failed) record would stop the retry from running.
            if (dequeueCount >= MaxDequeueCount && ModelName.IsValid(request.ModelName) && RunIds.IsValid(request.RunId))
            {
                var reason = $"retraining could not run ({ex.GetType().Name}) on any of {dequeueCount} deliveries; the message was moved to the poison queue";
                await RecordFailureAsync(request.ModelName, request.RunId, request, reason, dequeueCount, ex, cancellationToken);
            }
            else
            {
                TrainingLog.QueueMessageFailed(logger, request.ModelName, request.RunId, dequeueCount, ex);
            }

            throw;
        }
    }

    private static (string ModelName, string RunId)? TryReadRun(string messageText)
    {
        try
        {
            using var document = JsonDocument.Parse(messageText);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("model_name", out var model) && model.ValueKind == JsonValueKind.String
                && document.RootElement.TryGetProperty("run_id", out var run) && run.ValueKind == JsonValueKind.String
                && ModelName.IsValid(model.GetString()) && RunIds.IsValid(run.GetString())
                ? (model.GetString()!, run.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task RecordFailureAsync(
        string modelName,
        string runId,
        RetrainRequest? request,
        string reason,
        long dequeueCount,
        Exception failure,
        CancellationToken cancellationToken)
    {
        TrainingLog.QueueMessageFailed(logger, modelName, runId, dequeueCount, failure);
        try
        {
            var existing = await registry.GetRunAsync(modelName, runId, cancellationToken);
            if (existing is { Status: RunStatus.Succeeded })
            {
                return;
            }

            var now = timeProvider.GetUtcNow();
            await registry.SaveRunAsync(
                (existing ?? new RunRecord { RunId = runId, ModelName = modelName, Status = RunStatus.Failed, CreatedAt = now }) with
                {
                    Status = RunStatus.Failed,
                    Reason = reason,
                    Trigger = existing?.Trigger ?? request?.Trigger ?? TrainingTriggers.Queue,
                    Dataset = existing?.Dataset ?? request?.Dataset,
                    FinishedAt = now,
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The original failure is what the host must see; this one only means the record could not be written.
            TrainingLog.QueueFailureNotRecorded(logger, modelName, runId, ex);
        }
    }
}
