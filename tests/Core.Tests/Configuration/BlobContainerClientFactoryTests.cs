using ArchiveForecast.Core.Configuration;
using Azure.Core;
using Moq;

namespace ArchiveForecast.Core.Tests.Configuration;

public sealed class BlobContainerClientFactoryTests
{
    private const string AzuriteConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    [Test]
    public void Create_WithAContainerUrl_UsesTheCredentialAndMayCreateTheContainer()
    {
        var credential = new Mock<TokenCredential>(MockBehavior.Strict).Object;

        var (client, createIfMissing) = BlobContainerClientFactory.Create(
            "ModelStore", new Uri("https://acct.blob.core.windows.net/models"), null, "models", () => credential);

        Assert.Multiple(() =>
        {
            Assert.That(client.Name, Is.EqualTo("models"));
            Assert.That(client.Uri, Is.EqualTo(new Uri("https://acct.blob.core.windows.net/models")));
            Assert.That(createIfMissing, Is.True, "created when the identity may (issue 14); refused in one line when it may not");
        });
    }

    [Test]
    public void Create_WithAConnectionString_UsesTheContainerNameAndMayCreateIt()
    {
        var (client, createIfMissing) = BlobContainerClientFactory.Create("ModelStore", null, AzuriteConnectionString, "models", NoCredential);

        Assert.Multiple(() =>
        {
            Assert.That(client.Uri, Is.EqualTo(new Uri("http://127.0.0.1:10000/devstoreaccount1/models")));
            Assert.That(createIfMissing, Is.True);
        });
    }

    [TestCase("http://acct.blob.core.windows.net/models", "https")]
    [TestCase("https://acct.blob.core.windows.net/models?sv=2024&sig=abc", "query string")]
    [TestCase("https://acct.blob.core.windows.net/", "name a container")]
    public void Create_WithAnUnusableContainerUrl_ThrowsNamingTheSetting(string url, string reason)
    {
        Assert.That(
            () => BlobContainerClientFactory.Create("TrainingData", new Uri(url), null, "training-data", NoCredential),
            Throws.InvalidOperationException.With.Message.Contains("TrainingData:ContainerUri").And.Message.Contains(reason));
    }

    [Test]
    public void Create_WithBothAUrlAndAConnectionString_ThrowsNamingBoth()
    {
        Assert.That(
            () => BlobContainerClientFactory.Create("ModelStore", new Uri("https://acct.blob.core.windows.net/models"), AzuriteConnectionString, "models", NoCredential),
            Throws.InvalidOperationException.With.Message.Contains("ModelStore:ContainerUri").And.Message.Contains("ModelStore:ConnectionString"));
    }

    [Test]
    public void Create_WithNeither_Throws()
    {
        Assert.That(
            () => BlobContainerClientFactory.Create("ModelStore", null, " ", "models", NoCredential),
            Throws.InvalidOperationException.With.Message.Contains("Neither"));
    }

    [Test]
    public void Create_WithAMalformedConnectionString_ThrowsWithoutEchoingIt()
    {
        Assert.That(
            () => BlobContainerClientFactory.Create("ModelStore", null, "AccountKey=sekrit;nonsense", "models", NoCredential),
            Throws.InvalidOperationException.With.Message.Contains("ModelStore:ConnectionString").And.Message.Not.Contains("sekrit"));
    }

    private static TokenCredential NoCredential() => throw new AssertionException("no credential should be made");
}
