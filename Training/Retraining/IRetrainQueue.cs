using ArchiveForecast.Training.Batch;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// Hands jobs to a worker: an Azure Storage queue in Azure, in-process channels under <c>serve</c>. Retraining and batch
/// scoring share the queue (one queue to provision, secure and watch); a message's <c>kind</c> tells them apart.
/// </summary>
public interface IRetrainQueue
{
    /// <summary>Sends a retraining request; returns once it is durably accepted (or, in-process, queued).</summary>
    Task EnqueueAsync(RetrainRequest request, CancellationToken cancellationToken);

    /// <summary>Sends a batch scoring job; returns once it is durably accepted (or, in-process, queued).</summary>
    Task EnqueueBatchAsync(BatchRequest request, CancellationToken cancellationToken);
}
