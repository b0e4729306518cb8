using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Moq;

namespace ArchiveForecast.Core.Tests.Configuration;

public sealed class KeyVaultConfigurationExtensionsTests
{
    [Test]
    public void AddArchiveForecastKeyVault_WithoutUri_AddsNoSourceAndMakesNoClient()
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:FunctionKeys:0"] = "k" });
        var made = 0;

        builder.AddArchiveForecastKeyVault((_, _) =>
        {
            made++;
            return new SecretClientMockBuilder().Build().Object;
        });

        Assert.Multiple(() =>
        {
            Assert.That(made, Is.Zero);
            Assert.That(builder.Sources, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void AddArchiveForecastKeyVault_WithUri_LoadsTheVaultWithTheConfiguredIdentity()
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KeyVault:Uri"] = SecretClientMockBuilder.VaultUri.ToString(),
            ["ModelStore:ManagedIdentityClientId"] = "11111111-2222-3333-4444-555555555555",
        });
        (Uri Vault, string? ClientId)? asked = null;

        var configuration = builder.AddArchiveForecastKeyVault((vault, clientId) =>
        {
            asked = (vault, clientId);
            return new SecretClientMockBuilder().WithSecret("Auth--AdminKeys--0", "from-vault").Build().Object;
        }).Build();

        Assert.Multiple(() =>
        {
            Assert.That(configuration["Auth:AdminKeys:0"], Is.EqualTo("from-vault"));
            Assert.That(asked, Is.EqualTo((SecretClientMockBuilder.VaultUri, (string?)"11111111-2222-3333-4444-555555555555")));
        });
    }

    [Test]
    public void AddArchiveForecastKeyVault_WithAnHttpUri_ThrowsNamingTheSetting()
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["KeyVault:Uri"] = "http://kv.vault.azure.net/" });

        Assert.That(
            () => builder.AddArchiveForecastKeyVault((_, _) => new SecretClientMockBuilder().Build().Object),
            Throws.InvalidOperationException.With.Message.Contains("KeyVault:Uri"));
    }

    [Test]
    public void Build_WhenTheVaultIsUnreachable_FailsWithAClearErrorInsteadOfHanging()
    {
        var closedPort = ClosedLoopbackPort();
        var vault = new Uri($"https://127.0.0.1:{closedPort}/");
        var credential = new Mock<TokenCredential>(MockBehavior.Strict);
        var builder = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["KeyVault:Uri"] = vault.ToString() });

        builder.AddArchiveForecastKeyVault((uri, _) => new SecretClient(uri, credential.Object, KeyVaultConfigurationExtensions.CreateClientOptions()));

        Assert.That(
            () => builder.Build(),
            Throws.TypeOf<KeyVaultConfigurationException>().With.Message.Contains(vault.ToString()).And.Message.Contains("KeyVault:Uri"));
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
