namespace ArchiveForecast.Training.Retraining;

/// <summary>Hands retraining requests to a worker: an Azure Storage queue in Azure, an in-process channel under <c>serve</c>.</summary>
public interface IRetrainQueue
{
    /// <summary>Sends a request; returns once it is durably accepted (or, in-process, queued).</summary>
    Task EnqueueAsync(RetrainRequest request, CancellationToken cancellationToken);
}
