using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// Reads every enabled, currently valid secret of a vault once, at start-up. Configuration providers load
/// synchronously, so this uses the SDK's synchronous calls rather than blocking on asynchronous ones.
/// </summary>
/// <param name="client">The vault's client.</param>
/// <param name="loadTimeout">How long loading may take before start-up fails.</param>
/// <param name="timeProvider">The clock that decides whether a secret is within its validity window.</param>
public sealed class KeyVaultSecretsConfigurationProvider(SecretClient client, TimeSpan loadTimeout, TimeProvider timeProvider) : ConfigurationProvider
{
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
