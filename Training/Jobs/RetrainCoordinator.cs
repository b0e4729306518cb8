using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Training.Jobs;

/// <summary>Accepts retraining requests: writes the run record as queued, then hands the request to the queue.</summary>
// CONTRACT STUB: implemented by the training work; signatures are what other layers code against.
public sealed class RetrainCoordinator(ModelRegistry registry, IRetrainQueue queue, TimeProvider timeProvider)
{
    /// <summary>Queues a retraining of <paramref name="modelName"/> and returns its queued run record.</summary>
    /// <exception cref="ArgumentException">The model name or dataset path is invalid.</exception>
    public Task<RunRecord> SubmitAsync(string modelName, string? dataset, string trigger, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"{registry}{queue}{timeProvider}");
}
