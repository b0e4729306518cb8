using System.Threading.Channels;

namespace ArchiveForecast.Training.Retraining;

/// <summary>The retraining queue of <c>archive-forecast serve</c>: a bounded in-memory channel read by <see cref="InProcessRetrainWorker"/>.</summary>
public sealed class InProcessRetrainQueue : IRetrainQueue
{
    /// <summary>Requests waiting beyond this are refused rather than queued without bound.</summary>
    public const int Capacity = 32;

    private readonly Channel<RetrainRequest> channel = Channel.CreateBounded<RetrainRequest>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<RetrainRequest> Reader => channel.Reader;

    /// <inheritdoc />
    /// <exception cref="RetrainQueueFullException">The queue is full.</exception>
    public Task EnqueueAsync(RetrainRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return channel.Writer.TryWrite(request)
            ? Task.CompletedTask
            : throw new RetrainQueueFullException($"The retraining queue is full ({Capacity} requests waiting); try again later.");
    }
}
