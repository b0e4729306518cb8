using Azure;
using Azure.Security.KeyVault.Secrets;
using Moq;

namespace ArchiveForecast.Core.Tests.Configuration;

/// <summary>Builds a strict <see cref="SecretClient"/> mock with exactly the overloads the configuration provider calls.</summary>
internal sealed class SecretClientMockBuilder
{
    public static readonly Uri VaultUri = new("https://kv-archive-test.vault.azure.net/");

    private readonly List<(SecretProperties Properties, string? Value)> secrets = [];
    private Exception? listFailure;
    private readonly Dictionary<string, Exception> readFailures = [];

    public SecretClientMockBuilder WithSecret(string name, string value, bool enabled = true, DateTimeOffset? notBefore = null, DateTimeOffset? expiresOn = null)
    {
        secrets.Add((Properties(name, enabled, notBefore, expiresOn), value));
        return this;
    }

    public SecretClientMockBuilder WithListFailure(Exception failure)
    {
        listFailure = failure;
        return this;
    }

    public SecretClientMockBuilder WithReadFailure(string name, Exception failure)
    {
        readFailures[name] = failure;
        return this;
    }

    public Mock<SecretClient> Build()
    {
        var mock = new Mock<SecretClient>(MockBehavior.Strict);
        mock.SetupGet(c => c.VaultUri).Returns(VaultUri);
        if (listFailure is not null)
        {
            mock.Setup(c => c.GetPropertiesOfSecrets(It.IsAny<CancellationToken>())).Throws(listFailure);
            return mock;
        }

        var page = Page<SecretProperties>.FromValues(secrets.Select(s => s.Properties).ToList(), continuationToken: null, Mock.Of<Response>());
        mock.Setup(c => c.GetPropertiesOfSecrets(It.IsAny<CancellationToken>())).Returns(Pageable<SecretProperties>.FromPages([page]));

        foreach (var (properties, value) in secrets.Where(s => IsLoadable(s.Properties)))
        {
            var setup = mock.Setup(c => c.GetSecret(properties.Name, null, It.IsAny<CancellationToken>()));
            if (readFailures.TryGetValue(properties.Name, out var failure))
            {
                setup.Throws(failure);
            }
            else
            {
                setup.Returns(Response.FromValue(SecretModelFactory.KeyVaultSecret(properties, value), Mock.Of<Response>()));
            }
        }

        return mock;
    }

    private static bool IsLoadable(SecretProperties properties) => properties.Enabled == true;

    private static SecretProperties Properties(string name, bool enabled, DateTimeOffset? notBefore, DateTimeOffset? expiresOn) =>
        new(new Uri(VaultUri, $"secrets/{name}"))
        {
            Enabled = enabled,
            NotBefore = notBefore,
            ExpiresOn = expiresOn,
        };
}
