using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>A held blob lease, renewed every third of its duration until disposed, then released.</summary>
internal sealed class BlobLease : IAsyncDisposable
{
    private readonly BlobLeaseClient lease;
    private readonly string path;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;
    private int disposed;

    public BlobLease(BlobLeaseClient lease, string path, TimeSpan renewEvery, TimeProvider timeProvider, ILogger logger)
    {
        this.lease = lease;
        this.path = path;
        this.logger = logger;
        renewing = RenewAsync(renewEvery, timeProvider, stop.Token);
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
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException ex)
        {
            // The lease expires by itself within its duration; a failed release only delays the next holder.
            CoreLog.BlobLeaseReleaseFailed(logger, path, ex.Status, ex.ErrorCode);
        }
    }

    private async Task RenewAsync(TimeSpan every, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await lease.RenewAsync(cancellationToken: cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Keep trying until disposed: a storage blip shorter than the lease must not drop it.
                    CoreLog.BlobLeaseRenewFailed(logger, path, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
