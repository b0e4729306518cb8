using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Retraining;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training.Batch;

/// <summary>
/// Accepts batch scoring jobs: checks that the dataset exists (so a typo is refused at submit, not found in a failed
/// record later), writes the run record as queued (<see cref="RunKinds.Batch"/>), then hands the job to the queue.
/// </summary>
public sealed class BatchCoordinator(
    ModelRegistry registry,
    ITrainingDataSource dataSource,
    IRetrainQueue queue,
    TimeProvider timeProvider,
    ILogger<BatchCoordinator> logger)
{
    /// <summary>Queues a batch job of <paramref name="modelName"/> over <paramref name="dataset"/> and returns its queued run record.</summary>
    /// <param name="modelName">The model that scores (its served version when the job starts).</param>
    /// <param name="dataset">A CSV in the data store.</param>
    /// <param name="output">The output's name (checked with <see cref="OutputPath.IsValidName"/>), or null for the run id.</param>
    /// <param name="trigger">What asks for it.</param>
    /// <param name="cancellationToken">Stops the submission.</param>
    /// <exception cref="FileNotFoundException">No such dataset; nothing was written.</exception>
    /// <exception cref="ArgumentException">The output name is not a plain relative path; nothing was written.</exception>
    public async Task<RunRecord> SubmitAsync(ModelName modelName, DatasetPath dataset, string? output, string trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        if (output is not null && !OutputPath.IsValidName(output))
        {
            throw new ArgumentException("The output name is not a plain relative path.", nameof(output));
        }

        // Opening reads nothing yet (the blob source streams on demand); it only proves the dataset is there.
        await (await dataSource.OpenAsync(dataset, cancellationToken)).DisposeAsync();

        var runId = RunId.New(timeProvider);
        var record = new RunRecord
        {
            RunId = runId,
            ModelName = modelName,
            Kind = RunKinds.Batch,
            Status = RunStatus.Queued,
            Trigger = trigger,
            Dataset = dataset,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        await registry.SaveRunAsync(record, cancellationToken);
        try
        {
            await queue.EnqueueBatchAsync(new BatchRequest(runId, modelName, dataset, output, trigger), cancellationToken);
        }
        catch (Exception ex)
        {
            // A queued record with no message behind it would wait forever; it says what happened instead.
            string reason = ex is RetrainQueueFullException ? "the job queue was full; nothing was run" : "the job could not be queued";
            await registry.SaveRunAsync(record with { Status = RunStatus.Failed, Reason = reason, FinishedAt = timeProvider.GetUtcNow() }, CancellationToken.None);
            TrainingLog.BatchNotQueued(logger, modelName, runId, ex);
            throw;
        }

        TrainingLog.BatchQueued(logger, modelName, runId, dataset);
        return record;
    }
}
