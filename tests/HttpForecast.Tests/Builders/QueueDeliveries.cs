using Azure.Storage.Queues.Models;

namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>Queue messages as the Storage Queues extension hands them to a function (Base64 already removed).</summary>
internal static class QueueDeliveries
{
    public static QueueMessage Delivery(string messageText, long dequeueCount = 1) =>
        QueuesModelFactory.QueueMessage(
            messageId: Guid.NewGuid().ToString("N"),
            popReceipt: "pop-receipt",
            body: BinaryData.FromString(messageText),
            dequeueCount: dequeueCount);
}
