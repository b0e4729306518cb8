using ArchiveForecast.Training.Retraining;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Moq;

namespace ArchiveForecast.Training.Tests.Jobs;

/// <summary>
/// A missing retraining queue that the identity may not create (403) fails in one line naming the account, the queue
/// and what to do; one that exists is used. The service is mocked at the SDK seam.
/// </summary>
[TestFixture]
public sealed class RetrainQueueMissingTests
{
    private static readonly RetrainRequest Request = new(RunId.Parse("20250101T000000Z-0abc1234"), ModelName.Parse("archive-forecast"), DatasetPath.Parse("d.csv"), "http");

    [Test]
    public async Task Enqueue_QueueMissingAndCreationForbidden_FailsInOneLine()
    {
        var client = Client(exists: false);
        var queue = new StorageQueueRetrainQueue(client.Object, createIfMissing: true);

        var missing = await Assert.ThrowsAsync<RetrainQueueMissingException>(() => queue.EnqueueAsync(Request, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(missing!.Message, Does.Not.Contain("\n"));
            Assert.That(missing.Message, Does.Contain("'retrain-requests'").And.Contain("'acct'").And.Contain("az storage queue create").And.Contain("403"));
            client.Verify(c => c.SendMessageAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        });
    }

    [Test]
    public async Task Enqueue_CreationForbiddenButTheQueueExists_Sends()
    {
        var client = Client(exists: true);
        client.Setup(c => c.SendMessageAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(QueuesModelFactory.SendReceipt("id", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "pop", DateTimeOffset.UnixEpoch), Mock.Of<Response>()));
        var queue = new StorageQueueRetrainQueue(client.Object, createIfMissing: true);

        await queue.EnqueueAsync(Request, CancellationToken.None);

        client.Verify(c => c.SendMessageAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static Mock<QueueClient> Client(bool exists)
    {
        var client = new Mock<QueueClient>();
        client.SetupGet(c => c.Name).Returns("retrain-requests");
        client.SetupGet(c => c.AccountName).Returns("acct");
        client.SetupGet(c => c.Uri).Returns(new Uri("https://acct.queue.core.windows.net/retrain-requests"));
        client.Setup(c => c.CreateIfNotExistsAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "This request is not authorized to perform this operation using this permission.", "AuthorizationPermissionMismatch", null));
        client.Setup(c => c.ExistsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Response.FromValue(exists, Mock.Of<Response>()));
        return client;
    }
}
