using ArchiveForecast.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Inference;

/// <summary>
/// Loads the default model at start and then polls every served model's pointer every
/// <see cref="ModelStoreOptions.ReloadInterval"/> (zero: no polling). A failure never stops the host: until a model
/// loads, health reports it unavailable, and the next poll tries again.
/// </summary>
public sealed class ModelReloadService(
    ModelCatalog catalog,
    IOptions<ModelStoreOptions> options,
    TimeProvider timeProvider,
    ILogger<ModelReloadService> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReloadAsync(() => catalog.Default.ReloadAsync(force: false, stoppingToken), stoppingToken);
        var interval = options.Value.ReloadInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        CoreLog.ReloadPollingStarted(logger, interval);
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ReloadAsync(() => catalog.ReloadAllAsync(stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReloadAsync(Func<Task> reload, CancellationToken stoppingToken)
    {
        try
        {
            await reload();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The served models keep what they have; the poller must outlive any failure.
            CoreLog.ReloadPollFailed(logger, ex);
        }
    }
}
