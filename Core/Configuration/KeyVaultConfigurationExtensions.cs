using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace ArchiveForecast.Core.Configuration;

/// <summary>Adds the Key Vault configuration source when <c>KeyVault:Uri</c> is set.</summary>
public static class KeyVaultConfigurationExtensions
{
    /// <summary>
    /// Reads <c>KeyVault:Uri</c> from the configuration built so far and, when it is set, adds the vault's secrets as
    /// configuration: they override the sources added before (files, environment variables, app settings; each such
    /// override is listed by <see cref="KeyVaultOverrides"/> and logged at start), and sources added after still
    /// override them. The vault is reached with the same definitions the Azure client registration uses: the credential
    /// of <see cref="AzureCredentialFactory"/> (the shared one when the vault's identity is the model store's) and the
    /// policy of <see cref="AzureRetry"/>; failing to load stops start-up with a message naming the vault and the setting.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>KeyVault:Uri</c> is not an absolute https URL.</exception>
    public static IConfigurationBuilder AddArchiveForecastKeyVault(this IConfigurationBuilder builder) =>
        // Built here, not by AddAzureClients: configuration sources are read before the service provider exists.
        builder.AddArchiveForecastKeyVault(static (vaultUri, clientId) =>
            new SecretClient(vaultUri, AzureCredentialFactory.Create(clientId), CreateClientOptions()));

    /// <summary>As <see cref="AddArchiveForecastKeyVault(IConfigurationBuilder)"/>, with the client made by <paramref name="createClient"/> (vault URI, managed identity client id).</summary>
    public static IConfigurationBuilder AddArchiveForecastKeyVault(this IConfigurationBuilder builder, Func<Uri, string?, SecretClient> createClient)
    {
        var configuration = builder as IConfiguration ?? builder.Build();
        var options = new KeyVaultOptions();
        configuration.GetSection(KeyVaultOptions.SectionName).Bind(options);
        if (options.Uri is null)
        {
            return builder;
        }

        if (!options.Uri.IsAbsoluteUri || options.Uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{KeyVaultOptions.SectionName}:Uri must be an absolute https URL such as https://<vault>.vault.azure.net/.");
        }

        var clientId = options.ManagedIdentityClientId;
        if (string.IsNullOrWhiteSpace(clientId))
        {
            clientId = configuration[$"{ModelStoreOptions.SectionName}:{nameof(ModelStoreOptions.ManagedIdentityClientId)}"];
        }

        // What the earlier sources say on their own (a ConfigurationManager would also show the vault once it is added).
        var earlier = new ConfigurationBuilder();
        foreach (var source in builder.Sources.ToList())
        {
            earlier.Add(source);
        }

        return builder.Add(new KeyVaultSecretsConfigurationSource(createClient(options.Uri, clientId), options.LoadTimeout, TimeProvider.System, earlier.Build()));
    }

    /// <summary>The settings that Key Vault secrets override in <paramref name="configuration"/> (names only, never values).</summary>
    public static IReadOnlyList<string> KeyVaultOverrides(this IConfiguration configuration) =>
        configuration is IConfigurationRoot root
            ? [.. root.Providers.OfType<KeyVaultSecretsConfigurationProvider>().SelectMany(p => p.OverriddenKeys).Distinct(StringComparer.OrdinalIgnoreCase)]
            : [];

    /// <summary>Secret client options with bounded retries, so an unreachable vault fails start-up in seconds.</summary>
    public static SecretClientOptions CreateClientOptions()
    {
        var options = new SecretClientOptions();
        AzureRetry.Apply(options.Retry, AzureRetry.TokenNetworkTimeout);
        return options;
    }
}
