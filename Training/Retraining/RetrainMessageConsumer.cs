using System.Text.Json;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// What the queue-triggered function does with one message of the retraining queue (the text the host hands over,
/// already Base64-decoded, and how many times it was delivered). A message that cannot be processed gets a failed run
/// record saying why whenever it names a run, and the failure is rethrown so the host retries it and, after
/// <see cref="RetrainQueueOptions.MaxDequeueCount"/> deliveries, moves it to the poison queue (<c>retrain-requests-poison</c>).
/// </summary>
public sealed class RetrainMessageConsumer(
    RetrainJob handler,
    ModelRegistry registry,
    IOptions<RetrainQueueOptions> options,
    TimeProvider timeProvider,
    ILogger<RetrainMessageConsumer> logger)
{
    /// <summary>Deliveries before a message is poisoned: the last one records the failure.</summary>
    public int MaxDequeueCount => options.Value.MaxDequeueCount;

    /// <summary>Handles one message.</summary>
    /// <exception cref="FormatException">The message is not a retraining request (recorded against its run when it names one).</exception>
    public async Task<TrainingResult> HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        RetrainMessage message;
        try
        {
            message = RetrainMessage.Deserialize(messageText);
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

        // The one place a queued model name, run id and dataset are checked; without a valid name and id no record can be written.
        if (!ModelName.TryParse(message.ModelName, out var modelName, out var error) || !RunId.TryParse(message.RunId, out var runId, out error))
        {
            var refused = new FormatException($"The queue message is not a retraining request: {error}");
            TrainingLog.QueueMessageUnreadable(logger, dequeueCount, refused);
            throw refused;
        }

        DatasetPath? dataset = null;
        if (message.Dataset is not null && !DatasetPath.TryParse(message.Dataset, out dataset, out error))
        {
            // Bad data, not a passing fault: the run fails now, without retries.
            var failed = await SaveFailedAsync(modelName, runId, message, $"the dataset '{message.Dataset}' is refused: {error}", cancellationToken);
            return new TrainingResult(failed, TrainingFailure.InvalidData);
        }

        var request = new RetrainRequest(runId, modelName, dataset, message.Trigger);
        try
        {
            return await handler.HandleAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Before the last delivery nothing is recorded: a finished (failed) record would stop the retry from running.
            if (dequeueCount >= MaxDequeueCount)
            {
                var reason = $"retraining could not run ({ex.GetType().Name}) on any of {dequeueCount} deliveries; the message was moved to the poison queue";
                await RecordFailureAsync(modelName, runId, message, reason, dequeueCount, ex, cancellationToken);
            }
            else
            {
                TrainingLog.QueueMessageFailed(logger, modelName, runId, dequeueCount, ex);
            }

            throw;
        }
    }

    private static (ModelName ModelName, RunId RunId)? TryReadRun(string messageText)
    {
        try
        {
            using var document = JsonDocument.Parse(messageText);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("model_name", out var model) && model.ValueKind == JsonValueKind.String
                && document.RootElement.TryGetProperty("run_id", out var run) && run.ValueKind == JsonValueKind.String
                && ModelName.TryParse(model.GetString(), out var modelName, out _) && RunId.TryParse(run.GetString(), out var runId, out _)
                ? (modelName, runId)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task RecordFailureAsync(
        ModelName modelName,
        RunId runId,
        RetrainMessage? message,
        string reason,
        long dequeueCount,
        Exception failure,
        CancellationToken cancellationToken)
    {
        TrainingLog.QueueMessageFailed(logger, modelName, runId, dequeueCount, failure);
        try
        {
            await SaveFailedAsync(modelName, runId, message, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The original failure is what the host must see; this one only means the record could not be written.
            TrainingLog.QueueFailureNotRecorded(logger, modelName, runId, ex);
        }
    }

    /// <summary>Writes the run's record as failed (a run that already succeeded keeps its record) and returns it.</summary>
    private async Task<RunRecord> SaveFailedAsync(ModelName modelName, RunId runId, RetrainMessage? message, string reason, CancellationToken cancellationToken)
    {
        var existing = await registry.GetRunAsync(modelName, runId, cancellationToken);
        if (existing is { Status: RunStatus.Succeeded })
        {
            return existing;
        }

        var now = timeProvider.GetUtcNow();
        var failed = (existing ?? new RunRecord { RunId = runId, ModelName = modelName, Status = RunStatus.Failed, CreatedAt = now }) with
        {
            Status = RunStatus.Failed,
            Reason = reason,
            Trigger = existing?.Trigger ?? message?.Trigger ?? TrainingTriggers.Queue,
            Dataset = existing?.Dataset ?? message?.Dataset,
            FinishedAt = now,
        };
        await registry.SaveRunAsync(failed, cancellationToken);
        return failed;
    }
}
