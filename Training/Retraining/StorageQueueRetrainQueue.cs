using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Training.Batch;
using Azure;
using Azure.Core;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// Sends retraining requests to an Azure Storage queue as snake_case JSON, Base64-encoded: the encoding the Functions
/// queue trigger expects by default, so the queue-triggered function receives the JSON text.
/// </summary>
/// <param name="queue">The queue; its options must use <see cref="QueueMessageEncoding.Base64"/>.</param>
/// <param name="createIfMissing">
/// Create the queue on first use when the identity may. In Azure it is normally provisioned with the account; where the
/// identity may not create it and it is missing, the first use fails in one line naming the account, the queue and the fix.
/// </param>
public sealed class StorageQueueRetrainQueue(QueueClient queue, bool createIfMissing) : IRetrainQueue
{
    private volatile bool queueReady = !createIfMissing;

    /// <summary>The queue, for messages and logs (never a key).</summary>
    public Uri QueueUri => queue.Uri;

    /// <summary>The queue, for <see cref="StorageQueueRetrainWorker"/>.</summary>
    internal QueueClient Client => queue;

    /// <summary>Where messages go after their last failed delivery: <c>{queue}-poison</c>, as the Functions host names it.</summary>
    internal QueueClient PoisonClient => queue.GetParentQueueServiceClient().GetQueueClient($"{queue.Name}-poison");

    /// <summary>Whether the queues are created on first use (Azurite) rather than provisioned with the account.</summary>
    internal bool CreatesQueues { get; } = createIfMissing;

    /// <summary>How messages are encoded: Base64, the Functions queue trigger's default.</summary>
    public const QueueMessageEncoding MessageEncoding = QueueMessageEncoding.Base64;

    /// <summary>
    /// Creates the queue client of <see cref="RetrainQueueOptions"/>. The Azure client registration calls it with the
    /// credential and client options it holds for every client (with <see cref="MessageEncoding"/>); nothing else does.
    /// </summary>
    /// <param name="options">The queue's settings.</param>
    /// <param name="credential">The credential for <see cref="RetrainQueueOptions.QueueServiceUri"/>; unused with a connection string.</param>
    /// <param name="clientOptions">The client options.</param>
    /// <exception cref="InvalidOperationException">Neither or both of the URL and the connection string are set, or the URL is unusable.</exception>
    public static QueueClient CreateClient(RetrainQueueOptions options, TokenCredential credential, QueueClientOptions clientOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (options.QueueServiceUri is not null && hasConnectionString)
        {
            throw new InvalidOperationException(
                $"Set either {RetrainQueueOptions.SectionName}:QueueServiceUri (managed identity) or {RetrainQueueOptions.SectionName}:ConnectionString (Azurite), not both.");
        }

        if (options.QueueServiceUri is { } serviceUri)
        {
            if (!serviceUri.IsAbsoluteUri || serviceUri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(serviceUri.Query))
            {
                throw new InvalidOperationException(
                    $"{RetrainQueueOptions.SectionName}:QueueServiceUri must be an https URL without a query string, such as https://<account>.queue.core.windows.net.");
            }

            return new QueueServiceClient(serviceUri, credential, clientOptions).GetQueueClient(options.QueueName);
        }

        if (hasConnectionString)
        {
            try
            {
                return new QueueClient(options.ConnectionString, options.QueueName, clientOptions);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"{RetrainQueueOptions.SectionName}:ConnectionString is not a valid storage connection string.", ex);
            }
        }

        throw new InvalidOperationException(
            $"Neither {RetrainQueueOptions.SectionName}:QueueServiceUri nor {RetrainQueueOptions.SectionName}:ConnectionString is set.");
    }

    /// <inheritdoc />
    public async Task EnqueueAsync(RetrainRequest request, CancellationToken cancellationToken)
    {
        await EnsureQueueAsync(cancellationToken);
        await queue.SendMessageAsync(RetrainMessage.Serialize(request), cancellationToken);
    }

    /// <inheritdoc />
    public async Task EnqueueBatchAsync(BatchRequest request, CancellationToken cancellationToken)
    {
        await EnsureQueueAsync(cancellationToken);
        await queue.SendMessageAsync(RetrainMessage.Serialize(request), cancellationToken);
    }

    /// <summary>Creates the queue if it is missing and the identity may; once per instance.</summary>
    /// <exception cref="RetrainQueueMissingException">It is missing and the identity may not create it.</exception>
    internal async Task EnsureQueueAsync(CancellationToken cancellationToken)
    {
        if (queueReady)
        {
            return;
        }

        try
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            if (!await ExistsAsync(cancellationToken))
            {
                throw new RetrainQueueMissingException(
                    $"Storage queue '{queue.Name}' does not exist in storage account '{queue.AccountName}' and the app's identity may not create it " +
                    $"({StorageFailures.Reason(ex)}). Create it (az storage queue create --auth-mode login --account-name {queue.AccountName} " +
                    $"--name {queue.Name}, or apply the Terraform), or give the identity a role that may create queues; " +
                    $"{RetrainQueueOptions.SectionName}:{nameof(RetrainQueueOptions.QueueName)} names it.",
                    ex);
            }
        }

        queueReady = true;
    }

    private async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            // Cannot tell: sending says what is wrong.
            return true;
        }
    }
}
