using System.Text.Json;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training.Jobs;

/// <summary>
/// Runs a retraining request that arrived as the text of an Azure Storage queue message. The Functions host retries a
/// message whose function throws and moves it to the poison queue after its last attempt, so this processor throws
/// exactly when a retry can help or the message belongs in the poison queue, and leaves a failed run record saying why
/// wherever the message names a run. A run that ended (succeeded, or failed with its reason recorded) completes the
/// message: delivering it again would not run it again (see <see cref="RetrainJobHandler"/>).
/// </summary>
public sealed class RetrainMessageProcessor(
    RetrainJobHandler handler,
    ModelRegistry registry,
    TimeProvider timeProvider,
    ILogger<RetrainMessageProcessor> logger)
{
    /// <summary>Processes one delivery of a message.</summary>
    /// <param name="messageText">The message text (the host has already removed the Base64 transport encoding).</param>
    /// <param name="dequeueCount">How many times the message has been delivered, this delivery included.</param>
    /// <param name="maxDequeueCount">The host's <c>extensions.queues.maxDequeueCount</c>: the delivery after which it gives up.</param>
    /// <param name="cancellationToken">The host's shutdown.</param>
    /// <returns>How the run ended.</returns>
    /// <exception cref="RetrainMessageException">The message is not a usable retraining request; it ends in the poison queue.</exception>
    public async Task<TrainingResult> ProcessAsync(string messageText, long dequeueCount, int maxDequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        RetrainRequest request;
        try
        {
            request = StorageQueueRetrainQueue.Deserialize(messageText);
        }
        catch (FormatException ex)
        {
            await RecordUnreadableAsync(messageText, maxDequeueCount, cancellationToken);
            TrainingLog.RetrainMessageUnreadable(logger, dequeueCount, maxDequeueCount);
            throw new RetrainMessageException("The queue message is not a retraining request.", ex);
        }

        try
        {
            var result = await handler.HandleAsync(request, cancellationToken);
            TrainingLog.RetrainMessageDone(logger, request.ModelName, request.RunId, result.Run.Status.ToString(), dequeueCount);
            return result;
        }
        catch (ArgumentException ex)
        {
            TrainingLog.RetrainMessageUnreadable(logger, dequeueCount, maxDequeueCount);
            throw new RetrainMessageException("The queue message names an invalid model or run id.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && dequeueCount >= maxDequeueCount)
        {
            await RecordGivenUpAsync(request, ex, dequeueCount, cancellationToken);
            throw;
        }
    }

    private async Task RecordUnreadableAsync(string messageText, int maxDequeueCount, CancellationToken cancellationToken)
    {
        if (!TryReadRunOf(messageText, out var modelName, out var runId))
        {
            return;
        }

        await RecordFailureAsync(
            modelName,
            runId,
            trigger: null,
            dataset: null,
            $"the queue message is not a valid retraining request (run_id, model_name and trigger are required, dataset is optional); "
                + $"the host moves it to the poison queue after {maxDequeueCount} attempts",
            cancellationToken);
    }

    private async Task RecordGivenUpAsync(RetrainRequest request, Exception exception, long dequeueCount, CancellationToken cancellationToken)
    {
        TrainingLog.RetrainMessageGivenUp(logger, request.ModelName, request.RunId, dequeueCount, exception);
        try
        {
            await RecordFailureAsync(
                request.ModelName,
                request.RunId,
                request.Trigger,
                request.Dataset,
                $"given up after {dequeueCount} attempts ({exception.GetType().Name}); the message is moved to the poison queue",
                cancellationToken);
        }
        catch (Exception recordFailure) when (recordFailure is not OperationCanceledException)
        {
            // The store that made every attempt fail may refuse this write too; the log above already says why.
            TrainingLog.RetrainMessageRecordFailed(logger, request.ModelName, request.RunId, recordFailure);
        }
    }

    private async Task RecordFailureAsync(string modelName, string runId, string? trigger, string? dataset, string reason, CancellationToken cancellationToken)
    {
        var existing = await registry.GetRunAsync(modelName, runId, cancellationToken);
        if (existing is { Status: RunStatus.Succeeded or RunStatus.Failed })
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var failed = new RunRecord
        {
            RunId = runId,
            ModelName = modelName,
            Status = RunStatus.Failed,
            Reason = reason,
            Trigger = existing?.Trigger ?? trigger ?? TrainingTriggers.Queue,
            Dataset = existing?.Dataset ?? dataset,
            CreatedAt = existing?.CreatedAt ?? now,
            StartedAt = existing?.StartedAt,
            FinishedAt = now,
        };
        await registry.SaveRunAsync(failed, cancellationToken);
    }

    private static bool TryReadRunOf(string messageText, out string modelName, out string runId)
    {
        modelName = string.Empty;
        runId = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(messageText);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("model_name", out var model) && model.ValueKind == JsonValueKind.String
                && document.RootElement.TryGetProperty("run_id", out var run) && run.ValueKind == JsonValueKind.String
                && ModelName.IsValid(model.GetString()) && RunIds.IsValid(run.GetString()))
            {
                modelName = model.GetString()!;
                runId = run.GetString()!;
                return true;
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: no run to record against.
        }

        return false;
    }
}
