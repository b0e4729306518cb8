using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// Reads every enabled, currently valid secret of a vault once, at start-up. Configuration providers load
/// synchronously, so this uses the SDK's synchronous calls rather than blocking on asynchronous ones.
/// </summary>
/// <remarks>
/// The order is deliberate: the vault is added after the files, environment variables and app settings, so a secret
/// wins over a setting of the same name there (the vault is where secrets are managed); sources added after it (the
/// command-line flags of <c>serve</c>) win over the vault. Every setting a secret overrides is listed in
/// <see cref="OverriddenKeys"/>, and the hosts log those names at start, so the override is never silent.
/// </remarks>
/// <param name="client">The vault's client.</param>
/// <param name="loadTimeout">How long loading may take before start-up fails.</param>
/// <param name="timeProvider">The clock that decides whether a secret is within its validity window.</param>
/// <param name="earlier">The configuration of the sources added before the vault.</param>
public sealed class KeyVaultSecretsConfigurationProvider(SecretClient client, TimeSpan loadTimeout, TimeProvider timeProvider, IConfiguration? earlier = null) : ConfigurationProvider
{
    /// <summary>The configuration keys that a secret set while a source before the vault had set them to another value (names only).</summary>
    public IReadOnlyList<string> OverriddenKeys { get; private set; } = [];

    /// <summary>The separator Key Vault names use where configuration keys use ':' (Key Vault names allow only letters, digits and '-').</summary>
    public const string NameDelimiter = "--";

    /// <summary>The configuration key of a secret name: <c>Auth--FunctionKeys--0</c> is <c>Auth:FunctionKeys:0</c>.</summary>
    public static string ToConfigurationKey(string secretName) => secretName.Replace(NameDelimiter, ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    /// <inheritdoc />
    /// <exception cref="KeyVaultConfigurationException">The vault could not be listed or a secret could not be read.</exception>
    public override void Load()
    {
        using var timeout = new CancellationTokenSource(loadTimeout, timeProvider);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var now = timeProvider.GetUtcNow();
        var names = new List<string>();

        try
        {
            foreach (var properties in client.GetPropertiesOfSecrets(timeout.Token))
            {
                if (properties.Enabled == true && !(properties.NotBefore > now) && !(properties.ExpiresOn <= now))
                {
                    names.Add(properties.Name);
                }
            }
        }
        catch (Exception ex) when (IsVaultFailure(ex))
        {
            throw Failure("listing its secrets failed", ex);
        }

        foreach (var name in names)
        {
            try
            {
                var secret = client.GetSecret(name, null, timeout.Token).Value;
                data[ToConfigurationKey(name)] = secret.Value;
            }
            catch (Exception ex) when (IsVaultFailure(ex))
            {
                throw Failure($"reading secret '{name}' failed", ex);
            }
        }

        Data = data;
        OverriddenKeys = earlier is null
            ? []
            : [.. data.Where(d => earlier[d.Key] is { } before && !string.Equals(before, d.Value, StringComparison.Ordinal)).Select(d => d.Key).Order(StringComparer.OrdinalIgnoreCase)];
    }

    private static bool IsVaultFailure(Exception ex) =>
        ex is RequestFailedException or AuthenticationFailedException or CredentialUnavailableException or OperationCanceledException
            or AggregateException or HttpRequestException;

    private KeyVaultConfigurationException Failure(string what, Exception ex)
    {
        var why = ex switch
        {
            RequestFailedException { Status: > 0 } rf => $"{rf.Status} {rf.ErrorCode}".TrimEnd(),
            RequestFailedException => "the vault could not be reached",
            OperationCanceledException => $"no answer within {loadTimeout.TotalSeconds:0} s",
            AuthenticationFailedException or CredentialUnavailableException => "no token could be obtained for the app's identity",
            _ => "the vault could not be reached",
        };
        return new KeyVaultConfigurationException(
            $"Key Vault {client.VaultUri} (setting {KeyVaultOptions.SectionName}:Uri): {what}: {why}. " +
            "Check the setting, the network path to the vault, and that the app's identity has the Key Vault Secrets User role.",
            ex);
    }
}
