using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Retraining;

/// <summary>Accepts retraining requests: writes the run record as queued, then hands the request to the queue.</summary>
public sealed class RetrainCoordinator(
    ModelRegistry registry,
    IRetrainQueue queue,
    TimeProvider timeProvider,
    IOptions<TrainingOptions> options,
    ILogger<RetrainCoordinator> logger)
{
    /// <summary>Queues a retraining of <paramref name="modelName"/> and returns its queued run record.</summary>
    /// <param name="modelName">The model to train.</param>
    /// <param name="dataset">A path in the training-data store, or null for <c>Training:DefaultDataset</c>.</param>
    /// <param name="trigger">What asks for it (<see cref="TrainingTriggers"/>).</param>
    /// <param name="cancellationToken">Stops the submission.</param>
    /// <exception cref="ArgumentException">No dataset is named and none is configured.</exception>
    public async Task<RunRecord> SubmitAsync(ModelName modelName, DatasetPath? dataset, string trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        var resolved = dataset ?? options.Value.ParseDefaultDataset();
        if (resolved is null)
        {
            throw new ArgumentException($"No dataset was named and {TrainingOptions.SectionName}:{nameof(TrainingOptions.DefaultDataset)} is not set.", nameof(dataset));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        var runId = RunId.New(timeProvider);
        var record = new RunRecord
        {
            RunId = runId,
            ModelName = modelName,
            Status = RunStatus.Queued,
            Trigger = trigger,
            Dataset = resolved,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        await registry.SaveRunAsync(record, cancellationToken);
        try
        {
            await queue.EnqueueAsync(new RetrainRequest(runId, modelName, dataset, trigger), cancellationToken);
        }
        catch (Exception ex)
        {
            // A queued record with no message behind it would wait forever; it says what happened instead.
            string reason = ex is RetrainQueueFullException ? "the retraining queue was full; nothing was run" : "the request could not be queued";
            var failed = record with { Status = RunStatus.Failed, Reason = reason, FinishedAt = timeProvider.GetUtcNow() };
            await registry.SaveRunAsync(failed, CancellationToken.None);
            TrainingLog.RetrainCrashed(logger, modelName, record.RunId, ex);
            throw;
        }

        TrainingLog.RetrainQueued(logger, modelName, record.RunId, trigger, resolved);
        return record;
    }
}
