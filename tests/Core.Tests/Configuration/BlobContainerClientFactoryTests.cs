using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ArchiveForecast.Core.Tests.Configuration;

public sealed class BlobContainerClientFactoryTests
{
    private const string AzuriteConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    [Test]
    public void Create_WithAContainerUrl_UsesTheCredential()
    {
        var client = Create(new BlobContainerSettings("ModelStore", new Uri("https://acct.blob.core.windows.net/models"), null, "models", null));

        Assert.Multiple(() =>
        {
            Assert.That(client.Name, Is.EqualTo("models"));
            Assert.That(client.Uri, Is.EqualTo(new Uri("https://acct.blob.core.windows.net/models")));
            Assert.That(client.CanGenerateSasUri, Is.False, "no key: the credential is a token");
        });
    }

    [Test]
    public void Create_WithAConnectionString_UsesTheContainerName()
    {
        var client = Create(new BlobContainerSettings("ModelStore", null, AzuriteConnectionString, "models", null));

        Assert.That(client.Uri, Is.EqualTo(new Uri("http://127.0.0.1:10000/devstoreaccount1/models")));
    }

    [TestCase("http://acct.blob.core.windows.net/models", "https")]
    [TestCase("https://acct.blob.core.windows.net/models?sv=2024&sig=abc", "query string")]
    [TestCase("https://acct.blob.core.windows.net/", "name a container")]
    public void Create_WithAnUnusableContainerUrl_ThrowsNamingTheSetting(string url, string reason)
    {
        Assert.That(
            () => Create(new BlobContainerSettings("TrainingData", new Uri(url), null, "training-data", null)),
            Throws.InvalidOperationException.With.Message.Contains("TrainingData:ContainerUri").And.Message.Contains(reason));
    }

    [Test]
    public void Create_WithBothAUrlAndAConnectionString_ThrowsNamingBoth()
    {
        Assert.That(
            () => Create(new BlobContainerSettings("ModelStore", new Uri("https://acct.blob.core.windows.net/models"), AzuriteConnectionString, "models", null)),
            Throws.InvalidOperationException.With.Message.Contains("ModelStore:ContainerUri").And.Message.Contains("ModelStore:ConnectionString"));
    }

    [Test]
    public void Create_WithNeither_Throws()
    {
        Assert.That(
            () => Create(new BlobContainerSettings("ModelStore", null, " ", "models", null)),
            Throws.InvalidOperationException.With.Message.Contains("Neither"));
    }

    [Test]
    public void Create_WithAMalformedConnectionString_ThrowsWithoutEchoingIt()
    {
        Assert.That(
            () => Create(new BlobContainerSettings("ModelStore", null, "AccountKey=sekrit;nonsense", "models", null)),
            Throws.InvalidOperationException.With.Message.Contains("ModelStore:ConnectionString").And.Message.Not.Contains("sekrit"));
    }

    // Strict: creating a client asks the credential for nothing; tokens are requested on the first call.
    private static BlobContainerClient Create(BlobContainerSettings settings) =>
        BlobContainerClientFactory.Create(settings, new Mock<TokenCredential>(MockBehavior.Strict).Object, new BlobClientOptions(), NullLogger.Instance);
}
