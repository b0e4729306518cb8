using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>A held lease of a <see cref="FolderArtifactStore"/>: renewed every third of its duration until disposed, then deleted.</summary>
internal sealed class FolderLease : IAsyncDisposable
{
    private readonly FolderArtifactStore store;
    private readonly string path;
    private readonly string owner;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;
    private int disposed;

    public FolderLease(FolderArtifactStore store, string path, string owner, TimeSpan duration, TimeProvider timeProvider, ILogger logger)
    {
        this.store = store;
        this.path = path;
        this.owner = owner;
        this.logger = logger;
        renewing = RenewAsync(duration, timeProvider, stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
        try
        {
            await store.ReleaseLeaseAsync(path, owner, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CoreLog.LeaseReleaseFailed(logger, path, ex);
        }
    }

    private async Task RenewAsync(TimeSpan duration, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(duration / 3, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    if (!await store.RenewLeaseAsync(path, owner, duration, cancellationToken))
                    {
                        CoreLog.LeaseLost(logger, path);
                        return;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Keep trying until disposed: a blip shorter than the lease must not drop it.
                    CoreLog.LeaseRenewFailed(logger, path, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
