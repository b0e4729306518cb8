using System.Collections.Concurrent;
using ArchiveForecast.Training.Batch;

namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>Stands in for the Storage queue: keeps each request as the message text the real sender would put on the queue.</summary>
internal sealed class RecordingRetrainQueue : IRetrainQueue
{
    private readonly ConcurrentQueue<string> messages = new();

    public int Count => messages.Count;

    public Task EnqueueAsync(RetrainRequest request, CancellationToken cancellationToken)
    {
        messages.Enqueue(RetrainMessage.Serialize(request));
        return Task.CompletedTask;
    }

    public Task EnqueueBatchAsync(BatchRequest request, CancellationToken cancellationToken)
    {
        messages.Enqueue(RetrainMessage.Serialize(request));
        return Task.CompletedTask;
    }

    public string Dequeue() =>
        messages.TryDequeue(out var text) ? text : throw new InvalidOperationException("No retraining request was queued.");
}
