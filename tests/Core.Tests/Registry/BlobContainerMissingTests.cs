using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ArchiveForecast.Core.Tests.Registry;

/// <summary>
/// A missing model container that the identity may not create (403, as in Azure without the right role) fails in one
/// line naming the account, the container and what to do. The storage service is mocked at the SDK seam; the
/// create-when-allowed path runs on Azurite with OAuth in Integration.Tests.
/// </summary>
[TestFixture]
public sealed class BlobContainerMissingTests
{
    private static readonly Uri ContainerUri = new("https://acct.blob.core.windows.net/models");

    [Test]
    public async Task FirstUse_ContainerMissingAndCreationForbidden_FailsInOneLineNamingAccountContainerAndFix()
    {
        var container = Container(exists: false);
        var store = new BlobArtifactStore(container.Object, createContainerIfMissing: true, TimeProvider.System, NullLogger<BlobArtifactStore>.Instance);

        var missing = await Assert.ThrowsAsync<ArtifactStoreMissingException>(
            () => store.WriteAsync("archive-forecast/current.json", new byte[] { 1 }, WritePrecondition.None, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(missing!.Message, Does.Not.Contain("\n"));
            Assert.That(missing.Message, Does.Contain("'models'").And.Contain("'acct'").And.Contain("az storage container create").And.Contain("403"));
            Assert.That(missing.InnerException, Is.InstanceOf<RequestFailedException>());
        });
    }

    [Test]
    public async Task FirstUse_CreationForbiddenButTheContainerExists_UsesIt()
    {
        var container = Container(exists: true);
        var blob = new Mock<BlobClient>();
        blob.Setup(b => b.DownloadStreamingAsync(It.IsAny<BlobDownloadOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "The specified blob does not exist.", BlobErrorCode.BlobNotFound.ToString(), null));
        container.Setup(c => c.GetBlobClient("archive-forecast/current.json")).Returns(blob.Object);
        var store = new BlobArtifactStore(container.Object, createContainerIfMissing: true, TimeProvider.System, NullLogger<BlobArtifactStore>.Instance);

        var read = await store.ReadAsync("archive-forecast/current.json", 1024, CancellationToken.None);

        Assert.That(read, Is.Null);
    }

    private static Mock<BlobContainerClient> Container(bool exists)
    {
        var container = new Mock<BlobContainerClient>();
        container.SetupGet(c => c.Uri).Returns(ContainerUri);
        container.SetupGet(c => c.Name).Returns("models");
        container.SetupGet(c => c.AccountName).Returns("acct");
        container.Setup(c => c.CreateIfNotExistsAsync(It.IsAny<PublicAccessType>(), It.IsAny<IDictionary<string, string>>(), It.IsAny<BlobContainerEncryptionScopeOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "This request is not authorized to perform this operation using this permission.", "AuthorizationPermissionMismatch", null));
        container.Setup(c => c.ExistsAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(exists, Mock.Of<Response>()));
        container.Setup(c => c.GetBlobClient(It.IsAny<string>())).Returns((string name) =>
        {
            var blob = new Mock<BlobClient>();
            blob.SetupGet(b => b.Name).Returns(name);
            return blob.Object;
        });
        return container;
    }
}
