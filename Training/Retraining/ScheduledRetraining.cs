using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// The scheduled retraining: queues a run of the default model (<c>ModelStore:ModelName</c>) on the default dataset
/// (<c>Training:DefaultDataset</c>). The run itself goes through the retraining queue like any other request, so it
/// gets the same single-flight lock, gate, retries and run record.
/// </summary>
public sealed class ScheduledRetraining(
    RetrainCoordinator coordinator,
    IOptions<ModelStoreOptions> store,
    IOptions<TrainingOptions> training,
    ILogger<ScheduledRetraining> logger)
{
    /// <summary>Queues the scheduled run; returns its queued record, or null when no default dataset is configured.</summary>
    /// <param name="pastDue">Whether this occurrence makes up for a missed one (logged only).</param>
    /// <param name="cancellationToken">Stops the submission.</param>
    public async Task<RunRecord?> SubmitAsync(bool pastDue, CancellationToken cancellationToken)
    {
        // ModelStore:ModelName was validated at start.
        var modelName = ModelName.Parse(store.Value.ModelName);
        if (training.Value.DefaultDataset is null)
        {
            TrainingLog.ScheduledRetrainSkipped(logger, modelName);
            return null;
        }

        var run = await coordinator.SubmitAsync(modelName, dataset: null, TrainingTriggers.Timer, cancellationToken);
        TrainingLog.ScheduledRetrainQueued(logger, modelName, run.RunId, pastDue);
        return run;
    }
}
