using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;

namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// The one place that decides how the app authenticates to Azure resources reached by URL (Blob, Queue, Key Vault).
/// In App Service and Azure Functions (the platform sets <c>IDENTITY_ENDPOINT</c> or <c>MSI_ENDPOINT</c>) it is
/// <see cref="ManagedIdentityCredential"/> directly: no probing of other credentials, and the system-assigned identity
/// unless a user-assigned client id is configured. Anywhere else it is <see cref="DefaultAzureCredential"/> without
/// interactive sign-in (environment, workload identity, managed identity through IMDS, then developer tools).
/// Token requests are retried only briefly, so an unreachable identity endpoint fails in seconds, not minutes.
/// </summary>
public static class AzureCredentialFactory
{
    /// <summary>The environment variable App Service and Azure Functions set for their managed identity endpoint.</summary>
    public const string IdentityEndpointVariable = "IDENTITY_ENDPOINT";

    /// <summary>The older name of <see cref="IdentityEndpointVariable"/>, still set by some hosts.</summary>
    public const string LegacyIdentityEndpointVariable = "MSI_ENDPOINT";

    // One credential per identity for the whole process: every client (model store, training data, queue, Key Vault,
    // telemetry) shares it and so its token cache. Keyed by the identity endpoint too, so a changed environment (a test
    // host) never gets a credential built for another.
    private static readonly ConcurrentDictionary<(string ClientId, string Endpoint), TokenCredential> Credentials = new();

    /// <summary>The credential of an identity in this process's environment, created once and then shared.</summary>
    /// <param name="managedIdentityClientId">The client id of a user-assigned managed identity; null or empty for the system-assigned one.</param>
    public static TokenCredential Create(string? managedIdentityClientId)
    {
        string clientId = managedIdentityClientId?.Trim() ?? string.Empty;
        string endpoint = Environment.GetEnvironmentVariable(IdentityEndpointVariable) ?? Environment.GetEnvironmentVariable(LegacyIdentityEndpointVariable) ?? string.Empty;
        return Credentials.GetOrAdd((clientId, endpoint), key => Create(key.ClientId, Environment.GetEnvironmentVariable));
    }

    /// <summary>Describes what <see cref="Create(string?)"/> chooses, for start-up logs (never a secret).</summary>
    public static string Describe(string? managedIdentityClientId) => Describe(managedIdentityClientId, Environment.GetEnvironmentVariable);

    internal static TokenCredential Create(string? managedIdentityClientId, Func<string, string?> environment)
    {
        var clientId = string.IsNullOrWhiteSpace(managedIdentityClientId) ? null : managedIdentityClientId.Trim();
        if (HasPlatformIdentityEndpoint(environment))
        {
            var id = clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId);
            var managedIdentityOptions = new ManagedIdentityCredentialOptions(id);
            AzureRetry.Apply(managedIdentityOptions.Retry, AzureRetry.TokenNetworkTimeout);
            return new ManagedIdentityCredential(managedIdentityOptions);
        }

        var defaultOptions = new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = clientId,
            ExcludeInteractiveBrowserCredential = true,
        };
        AzureRetry.Apply(defaultOptions.Retry, AzureRetry.TokenNetworkTimeout);
        return new DefaultAzureCredential(defaultOptions);
    }

    internal static string Describe(string? managedIdentityClientId, Func<string, string?> environment)
    {
        var identity = string.IsNullOrWhiteSpace(managedIdentityClientId) ? "system-assigned" : $"user-assigned {managedIdentityClientId.Trim()}";
        return HasPlatformIdentityEndpoint(environment)
            ? $"ManagedIdentityCredential ({identity})"
            : $"DefaultAzureCredential (managed identity: {identity})";
    }

    private static bool HasPlatformIdentityEndpoint(Func<string, string?> environment) =>
        !string.IsNullOrEmpty(environment(IdentityEndpointVariable)) || !string.IsNullOrEmpty(environment(LegacyIdentityEndpointVariable));
}
