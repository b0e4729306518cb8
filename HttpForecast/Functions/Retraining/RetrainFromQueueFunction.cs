using ArchiveForecast.HttpForecast.Hosting;
using ArchiveForecast.Training.Jobs;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Retraining;

/// <summary>Runs the retraining requests of the retraining queue; a failure throws so that the host retries, then poisons.</summary>
public sealed class RetrainFromQueueFunction(RetrainMessageProcessor processor)
{
    /// <summary>Runs one delivery of a message.</summary>
    [Function("RetrainFromQueue")]
    public Task RunAsync(
        [QueueTrigger(TriggerSettings.RetrainQueueName, Connection = TriggerSettings.RetrainQueueConnection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.Body.ToString(), message.DequeueCount, TriggerSettings.RetrainQueueMaxDequeueCount, cancellationToken);
}
