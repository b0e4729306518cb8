using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Moq;

namespace ArchiveForecast.Core.Tests.Configuration;

public sealed class KeyVaultSecretsConfigurationProviderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Load_MapsDoubleDashSecretNamesToConfigurationKeys()
    {
        var client = new SecretClientMockBuilder()
            .WithSecret("Auth--FunctionKeys--0", "function-key")
            .WithSecret("Auth--AdminKeys--0", "admin-key")
            .WithSecret("TrainingData--ConnectionString", "UseDevelopmentStorage=true")
            .Build();

        var configuration = Build(client.Object);

        Assert.Multiple(() =>
        {
            Assert.That(configuration["Auth:FunctionKeys:0"], Is.EqualTo("function-key"));
            Assert.That(configuration["Auth:AdminKeys:0"], Is.EqualTo("admin-key"));
            Assert.That(configuration["TrainingData:ConnectionString"], Is.EqualTo("UseDevelopmentStorage=true"));
            Assert.That(configuration.GetSection("Auth:FunctionKeys").Get<string[]>(), Is.EqualTo(new[] { "function-key" }));
        });
    }

    [Test]
    public void Load_SkipsDisabledSecretsWithoutReadingThem()
    {
        var client = new SecretClientMockBuilder()
            .WithSecret("Auth--FunctionKeys--0", "live")
            .WithSecret("Auth--FunctionKeys--1", "revoked", enabled: false)
            .Build();

        var configuration = Build(client.Object);

        Assert.Multiple(() =>
        {
            Assert.That(configuration["Auth:FunctionKeys:0"], Is.EqualTo("live"));
            Assert.That(configuration["Auth:FunctionKeys:1"], Is.Null);
        });
        client.Verify(c => c.GetSecret("Auth--FunctionKeys--1", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Load_SkipsSecretsOutsideTheirValidityWindow()
    {
        var client = new SecretClientMockBuilder()
            .WithSecret("Auth--AdminKeys--0", "current", notBefore: Now.AddDays(-1), expiresOn: Now.AddDays(1))
            .WithSecret("Auth--AdminKeys--1", "expired", expiresOn: Now.AddMinutes(-1))
            .WithSecret("Auth--AdminKeys--2", "future", notBefore: Now.AddMinutes(1))
            .Build();
        client.Setup(c => c.GetSecret("Auth--AdminKeys--1", null, It.IsAny<CancellationToken>())).Throws(new AssertionException("expired secret read"));
        client.Setup(c => c.GetSecret("Auth--AdminKeys--2", null, It.IsAny<CancellationToken>())).Throws(new AssertionException("future secret read"));

        var configuration = Build(client.Object);

        Assert.That(configuration.GetSection("Auth:AdminKeys").Get<string[]>(), Is.EqualTo(new[] { "current" }));
    }

    [Test]
    public void Load_WhenListingIsForbidden_ThrowsNamingTheVaultAndTheSetting()
    {
        var client = new SecretClientMockBuilder()
            .WithListFailure(new RequestFailedException(403, "Caller is not authorized", "Forbidden", null))
            .Build();

        var failure = Assert.Throws<KeyVaultConfigurationException>(() => Build(client.Object));

        Assert.That(failure!.Message, Does.Contain(SecretClientMockBuilder.VaultUri.ToString())
            .And.Contain("KeyVault:Uri")
            .And.Contain("403 Forbidden")
            .And.Contain("listing"));
    }

    [Test]
    public void Load_WhenNoTokenCanBeHad_ThrowsSayingSo()
    {
        var client = new SecretClientMockBuilder()
            .WithListFailure(new AuthenticationFailedException("ManagedIdentityCredential authentication failed"))
            .Build();

        var failure = Assert.Throws<KeyVaultConfigurationException>(() => Build(client.Object));

        Assert.That(failure!.Message, Does.Contain("no token could be obtained").And.Contain("KeyVault:Uri"));
    }

    [Test]
    public void Load_WhenOneSecretCannotBeRead_ThrowsNamingThatSecret()
    {
        var client = new SecretClientMockBuilder()
            .WithSecret("Auth--FunctionKeys--0", "fine")
            .WithSecret("Auth--AdminKeys--0", "unreadable")
            .WithReadFailure("Auth--AdminKeys--0", new RequestFailedException(403, "Forbidden", "Forbidden", null))
            .Build();

        var failure = Assert.Throws<KeyVaultConfigurationException>(() => Build(client.Object));

        Assert.That(failure!.Message, Does.Contain("'Auth--AdminKeys--0'").And.Contain(SecretClientMockBuilder.VaultUri.ToString()));
    }

    [Test]
    public void Load_WhenAReadFails_NeverPutsASecretValueInTheMessage()
    {
        var client = new SecretClientMockBuilder()
            .WithSecret("Auth--FunctionKeys--0", "s3cret-value-1")
            .WithSecret("Auth--FunctionKeys--1", "s3cret-value-2")
            .WithReadFailure("Auth--FunctionKeys--1", new RequestFailedException(500, "boom", "InternalError", null))
            .Build();

        var failure = Assert.Throws<KeyVaultConfigurationException>(() => Build(client.Object));

        Assert.That(failure!.Message, Does.Not.Contain("s3cret-value"));
    }

    [Test]
    public void ToConfigurationKey_ReplacesEveryDoubleDash()
    {
        var key = KeyVaultSecretsConfigurationProvider.ToConfigurationKey("Auth--FunctionKeys--0");

        Assert.That(key, Is.EqualTo("Auth:FunctionKeys:0"));
    }

    private static IConfigurationRoot Build(SecretClient client) =>
        new ConfigurationBuilder()
            .Add(new KeyVaultSecretsConfigurationSource(client, TimeSpan.FromSeconds(30), new FakeTimeProvider(Now)))
            .Build();
}
