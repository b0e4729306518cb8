using ArchiveForecast.Training.Retraining;
using Azure.Storage.Queues;

namespace ArchiveForecast.Integration.Tests.Jobs;

/// <summary>
/// Plays the Functions host's queue trigger over one queue, as documented for the Storage queue extension: it decodes
/// each message (Base64), calls the function with its text and dequeue count, deletes it on success, makes it visible
/// again on failure, and after <c>maxDequeueCount</c> failed deliveries moves it to <c>{queue}-poison</c>.
/// </summary>
public sealed class QueueTriggerHost(string connectionString, string queueName, int maxDequeueCount = RetrainQueueOptions.DefaultMaxDequeueCount)
{
    private readonly QueueClient queue = new(connectionString, queueName, StorageQueueRetrainQueue.CreateClientOptions());

    public QueueClient PoisonQueue { get; } = new(connectionString, $"{queueName}-poison", StorageQueueRetrainQueue.CreateClientOptions());

    /// <summary>Delivers messages to <paramref name="function"/> until the queue is empty; returns how many deliveries failed.</summary>
    public async Task<int> DrainAsync(Func<string, long, Task> function)
    {
        var failures = 0;
        for (var deliveries = 0; deliveries < 100; deliveries++)
        {
            var message = (await queue.ReceiveMessageAsync(visibilityTimeout: TimeSpan.FromSeconds(30))).Value;
            if (message is null)
            {
                return failures;
            }

            try
            {
                await function(message.MessageText, message.DequeueCount);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            catch (Exception) when (message.DequeueCount >= maxDequeueCount)
            {
                failures++;
                await PoisonQueue.CreateIfNotExistsAsync();
                await PoisonQueue.SendMessageAsync(message.MessageText);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            catch (Exception)
            {
                failures++;
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
        }

        throw new InvalidOperationException("The queue did not drain within 100 deliveries.");
    }
}
