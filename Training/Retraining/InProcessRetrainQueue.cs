using System.Threading.Channels;
using ArchiveForecast.Training.Batch;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// The job queue of <c>archive-forecast serve</c>: bounded in-memory channels, one for retraining (read by
/// <see cref="InProcessRetrainWorker"/>) and one for batch scoring (read by <see cref="InProcessBatchWorker"/>), so a
/// long training run does not hold up a batch job or the other way round.
/// </summary>
public sealed class InProcessRetrainQueue : IRetrainQueue
{
    /// <summary>Requests waiting beyond this are refused rather than queued without bound.</summary>
    public const int Capacity = 32;

    private readonly Channel<RetrainRequest> channel = Channel.CreateBounded<RetrainRequest>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Channel<BatchRequest> batches = Channel.CreateBounded<BatchRequest>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<RetrainRequest> Reader => channel.Reader;

    internal ChannelReader<BatchRequest> BatchReader => batches.Reader;

    /// <inheritdoc />
    /// <exception cref="RetrainQueueFullException">The queue is full.</exception>
    public Task EnqueueAsync(RetrainRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return channel.Writer.TryWrite(request)
            ? Task.CompletedTask
            : throw new RetrainQueueFullException($"The retraining queue is full ({Capacity} requests waiting); try again later.");
    }

    /// <inheritdoc />
    /// <exception cref="RetrainQueueFullException">The queue is full.</exception>
    public Task EnqueueBatchAsync(BatchRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return batches.Writer.TryWrite(request)
            ? Task.CompletedTask
            : throw new RetrainQueueFullException($"The batch queue is full ({Capacity} jobs waiting); try again later.");
    }
}
