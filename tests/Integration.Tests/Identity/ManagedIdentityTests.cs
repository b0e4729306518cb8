using System.Text.Json;
using ArchiveForecast.Integration.Tests.Azurite;
using ArchiveForecast.Integration.Tests.Processes;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace ArchiveForecast.Integration.Tests.Identity;

/// <summary>
/// The production path, for real: a blob container URL and nothing else (no key, no connection string), so the CLI
/// authenticates with <c>ManagedIdentityCredential</c> against a loopback App Service identity endpoint, and Azurite
/// (HTTPS, <c>--oauth basic</c>) checks every bearer token's issuer, audience and lifetime. Each command is its own
/// process: environment variables and token caches are per process, so a bad token cannot leak into a good case.
/// </summary>
[Category("Integration")]
public sealed class ManagedIdentityTests
{
    private const string Container = "models";

    private TestCertificate certificate = null!;
    private AzuriteInstance azurite = null!;

    [OneTimeSetUp]
    public async Task StartSecureAzurite()
    {
        certificate = TestCertificate.Create(TimeProvider.System);
        azurite = await AzuriteInstance.StartAsync(new AzuriteSettings(certificate, OAuth: true));

        // In Azure, Terraform creates the container and the app's identity cannot; here the test plays Terraform with the account key.
        await AdminContainer(Container).CreateIfNotExistsAsync();
    }

    [OneTimeTearDown]
    public async Task StopSecureAzurite()
    {
        await azurite.DisposeAsync();
        certificate.Dispose();
    }

    [Test]
    public async Task TrainVersionsAndPredict_WithOnlyAContainerUrl_AuthenticateThroughTheManagedIdentityEndpoint()
    {
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(IssuedToken.Valid, TimeProvider.System);
        var store = azurite.ContainerUri(Container).ToString();
        using var work = new TempFolder();

        var train = await CliProcess.RunAsync(["train", "--synthetic", "600", "--store", store, "--json"], Environment(identity), work.Path);
        var versions = await CliProcess.RunAsync(["versions", "--store", store, "--json"], Environment(identity), work.Path);

        Assert.Multiple(() =>
        {
            Assert.That(train.ExitCode, Is.Zero, train.ToString());
            Assert.That(versions.ExitCode, Is.Zero, versions.ToString());
            Assert.That(identity.Requests, Is.Not.Empty.And.All.EqualTo("https://storage.azure.com"));
        });
        Assert.That(versions.StandardOutput, Does.Contain("\"current\""), versions.ToString());
        var pointer = await AdminContainer(Container).GetBlobClient("archive-forecast/current.json").DownloadContentAsync();
        using var document = JsonDocument.Parse(pointer.Value.Content.ToMemory());
        Assert.That(document.RootElement.GetProperty("version").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task AnyCommand_WhenTheTokenIsForAnotherAudience_FailsNamingTheStoreAndTheReason()
    {
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(IssuedToken.WrongAudience, TimeProvider.System);
        var store = azurite.ContainerUri(Container).ToString();
        using var work = new TempFolder();

        var result = await CliProcess.RunAsync(["versions", "--store", store], Environment(identity), work.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.StandardError, Does.Contain(store.TrimEnd('/')).And.Contain("403").And.Contain("Invalid token audience"), result.ToString());
            Assert.That(identity.Requests, Is.Not.Empty);
        });
    }

    [Test]
    public async Task AnyCommand_WhenTheIdentityEndpointIssuesAnExpiredToken_FailsSayingNoTokenCouldBeHad()
    {
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(IssuedToken.Expired, TimeProvider.System);
        var store = azurite.ContainerUri(Container).ToString();
        using var work = new TempFolder();

        var result = await CliProcess.RunAsync(["versions", "--store", store], Environment(identity), work.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.StandardError, Does.Contain(store.TrimEnd('/')).And.Contain("ManagedIdentityCredential").And.Contain("ExpiresOn"), result.ToString());
        });
    }

    private Dictionary<string, string> Environment(FakeManagedIdentityEndpoint identity) =>
        new(identity.Environment)
        {
            // The child's TLS trust store is the throwaway certificate alone (.NET on Linux reads SSL_CERT_FILE through OpenSSL).
            ["SSL_CERT_FILE"] = certificate.CertificatePemPath,
        };

    private BlobContainerClient AdminContainer(string name) =>
        new(azurite.ConnectionString, name, new BlobClientOptions { Transport = new HttpClientTransport(certificate.CreatePinnedHandler()) });
}
