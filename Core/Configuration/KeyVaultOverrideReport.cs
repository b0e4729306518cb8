using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// Logs at start every setting a Key Vault secret overrides (a file, an environment variable or an app setting had it
/// with another value): the vault wins by design, and this makes it visible. Names only, never values.
/// </summary>
public sealed class KeyVaultOverrideReport(IConfiguration configuration, ILogger<KeyVaultOverrideReport> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (string key in configuration.KeyVaultOverrides())
        {
            CoreLog.KeyVaultOverride(logger, key);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
