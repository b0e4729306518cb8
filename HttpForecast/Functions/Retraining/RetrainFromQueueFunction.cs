using ArchiveForecast.HttpForecast.Hosting;
using ArchiveForecast.Training.Retraining;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Retraining;

/// <summary>Runs the requests of the retraining queue; a failure throws so that the host retries, then poisons.</summary>
public sealed class RetrainFromQueueFunction(RetrainMessageConsumer handler)
{
    /// <summary>Runs one delivery of a message.</summary>
    [Function("RetrainFromQueue")]
    public Task RunAsync(
        [QueueTrigger(TriggerSettings.RetrainQueueName, Connection = TriggerSettings.RetrainQueueConnection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message.Body.ToString(), message.DequeueCount, cancellationToken);
}
