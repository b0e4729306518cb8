using Azure.Core;

namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// The one retry policy of every Azure client and credential of the service (Blob, Queue, Key Vault, identity): a
/// couple of quick exponential retries, so an unreachable endpoint fails in seconds rather than the SDK's minutes, and
/// the last good model keeps being served meanwhile. The Azure client registration applies it to every client as their
/// default (<c>ConfigureDefaults</c>); credentials and the Key Vault configuration source apply it themselves.
/// </summary>
public static class AzureRetry
{
    /// <summary>How long one storage request may take: large enough for a model.zip download.</summary>
    public static readonly TimeSpan StorageNetworkTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long one token or secret request may take: they are small, and start-up waits for them.</summary>
    public static readonly TimeSpan TokenNetworkTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Applies the policy to a storage client's <paramref name="options"/> and returns them.</summary>
    public static TOptions Apply<TOptions>(TOptions options)
        where TOptions : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        Apply(options.Retry, StorageNetworkTimeout);
        return options;
    }

    /// <summary>Applies the policy to <paramref name="retry"/>, with <paramref name="networkTimeout"/> per attempt.</summary>
    public static void Apply(RetryOptions retry, TimeSpan networkTimeout)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = networkTimeout;
    }
}
