using ArchiveForecast.Training.Pipeline;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// Consumes the Azure Storage retraining queue inside <c>archive-forecast serve</c>, which has no Functions host to do
/// it: one message at a time, kept invisible while it runs, handed to <see cref="RetrainMessageConsumer"/> like the
/// queue trigger does, deleted when handled, made visible again after <see cref="RetrainQueueOptions.RetryDelay"/>
/// when it failed, and after <see cref="RetrainQueueOptions.MaxDequeueCount"/> deliveries moved to
/// <c>{queue}-poison</c>. An empty or unreachable queue is polled less and less often, up to
/// <see cref="RetrainQueueOptions.MaxPollingInterval"/>.
/// </summary>
public sealed class StorageQueueRetrainWorker(
    StorageQueueRetrainQueue queue,
    RetrainMessageConsumer handler,
    IOptions<RetrainQueueOptions> options,
    TimeProvider timeProvider,
    ILogger<StorageQueueRetrainWorker> logger) : BackgroundService
{
    /// <summary>How long a received message stays invisible; renewed at half of it while training runs.</summary>
    internal static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var client = queue.Client;
        var firstDelay = settings.MaxPollingInterval < MinPollingInterval ? settings.MaxPollingInterval : MinPollingInterval;
        var delay = firstDelay;
        TrainingLog.QueueWorkerStarted(logger, queue.QueueUri, settings.MaxPollingInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.EnsureQueueAsync(stoppingToken);

                if (await ProcessNextAsync(client, settings, stoppingToken))
                {
                    delay = firstDelay;
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The queue being away for a while must not stop serve; it is tried again, less often.
                TrainingLog.QueueUnavailable(logger, queue.QueueUri, delay, ex);
            }

            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = delay * 2 > settings.MaxPollingInterval ? settings.MaxPollingInterval : delay * 2;
        }
    }

    /// <summary>Receives and settles one message; false when the queue was empty.</summary>
    private async Task<bool> ProcessNextAsync(QueueClient client, RetrainQueueOptions settings, CancellationToken stoppingToken)
    {
        QueueMessage? message = (await client.ReceiveMessageAsync(ProcessingVisibility, stoppingToken)).Value;
        if (message is null)
        {
            return false;
        }

        // Delivered more often than allowed without ever failing cleanly (the process died while it ran): poison it, as the Functions host does.
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await PoisonAsync(client, message, message.PopReceipt, stoppingToken);
            return true;
        }

        var popReceipt = new PopReceipt(message.PopReceipt);
        TrainingResult? result = null;
        using (var processing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            var renewal = KeepInvisibleAsync(client, message.MessageId, popReceipt, processing.Token, stoppingToken);
            try
            {
                result = await handler.HandleAsync(message.MessageText, message.DequeueCount, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The handler has logged it, and recorded it against the run on the last delivery.
            }
            finally
            {
                await processing.CancelAsync();
                await renewal;
            }
        }

        if (result is not null)
        {
            await client.DeleteMessageAsync(message.MessageId, popReceipt.Value, stoppingToken);
            TrainingLog.QueueMessageHandled(logger, message.MessageId, message.DequeueCount, result.Run.RunId, result.Run.Status.ToString());
        }
        else if (message.DequeueCount >= settings.MaxDequeueCount)
        {
            await PoisonAsync(client, message, popReceipt.Value, stoppingToken);
        }
        else
        {
            await client.UpdateMessageAsync(message.MessageId, popReceipt.Value, visibilityTimeout: settings.RetryDelay, cancellationToken: stoppingToken);
            TrainingLog.QueueMessageRetried(logger, message.MessageId, message.DequeueCount, settings.RetryDelay);
        }

        return true;
    }

    /// <summary>Extends the message's invisibility while it is processed, so a long training run is not delivered twice.</summary>
    /// <param name="client">The queue.</param>
    /// <param name="messageId">The message being processed.</param>
    /// <param name="popReceipt">Its pop receipt, replaced by each renewal.</param>
    /// <param name="processingToken">Ends the renewals once processing is over.</param>
    /// <param name="stoppingToken">Cancels a renewal in flight only on shutdown, so the pop receipt it returns is never lost.</param>
    private async Task KeepInvisibleAsync(
        QueueClient client,
        string messageId,
        PopReceipt popReceipt,
        CancellationToken processingToken,
        CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ProcessingVisibility / 2, timeProvider, processingToken);
                var receipt = await client.UpdateMessageAsync(messageId, popReceipt.Value, visibilityTimeout: ProcessingVisibility, cancellationToken: stoppingToken);
                popReceipt.Value = receipt.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
            // Processing ended, or the host is stopping.
        }
        catch (Exception ex)
        {
            // The message may be delivered again once it becomes visible; the handler's idempotence makes that harmless.
            TrainingLog.QueueUnavailable(logger, queue.QueueUri, ProcessingVisibility, ex);
        }
    }

    private async Task PoisonAsync(QueueClient client, QueueMessage message, string popReceipt, CancellationToken cancellationToken)
    {
        var poison = queue.PoisonClient;
        if (queue.CreatesQueues)
        {
            try
            {
                await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 403)
            {
                // The identity may not create queues; the poison queue is provisioned with the account (sending says if not).
            }
        }

        await poison.SendMessageAsync(message.MessageText, cancellationToken);
        await client.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken);
        TrainingLog.QueueMessagePoisoned(logger, message.MessageId, message.DequeueCount, options.Value.MaxDequeueCount, poison.Name);
    }

    /// <summary>The message's latest pop receipt: each visibility update replaces it.</summary>
    private sealed class PopReceipt(string value)
    {
        public string Value { get; set; } = value;
    }
}
