using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace ArchiveForecast.Core.Configuration;

/// <summary>Loads the enabled secrets of one Key Vault as configuration, <c>Section--Key</c> as <c>Section:Key</c>.</summary>
/// <param name="client">The vault's client.</param>
/// <param name="loadTimeout">How long loading may take before start-up fails.</param>
/// <param name="timeProvider">The clock that decides whether a secret is within its validity window.</param>
/// <param name="earlier">The configuration of the sources added before the vault, to tell which settings a secret overrides.</param>
public sealed class KeyVaultSecretsConfigurationSource(SecretClient client, TimeSpan loadTimeout, TimeProvider timeProvider, IConfiguration? earlier = null) : IConfigurationSource
{
    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new KeyVaultSecretsConfigurationProvider(client, loadTimeout, timeProvider, earlier);
}
