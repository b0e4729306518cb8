using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>A held blob lease, renewed every third of its duration until disposed, then released.</summary>
internal sealed class BlobLease : RenewedLease
{
    private readonly BlobLeaseClient lease;
    private readonly string path;
    private readonly ILogger logger;

    public BlobLease(BlobLeaseClient lease, string path, TimeSpan duration, TimeProvider timeProvider, ILogger logger)
    {
        this.lease = lease;
        this.path = path;
        this.logger = logger;
        StartRenewing(duration / 3, duration, timeProvider);
    }

    protected override string Description => path;

    protected override async Task<RenewOutcome> RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            await lease.RenewAsync(cancellationToken: cancellationToken);
            return RenewOutcome.Renewed;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            // The service says the lease is not ours any more (another id holds it, it ended, or the blob is gone).
            CoreLog.LeaseLost(logger, path);
            return RenewOutcome.Lost;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Keep trying: a storage blip shorter than the lease must not drop it (the base class decides when it has expired).
            CoreLog.BlobLeaseRenewFailed(logger, path, ex);
            return RenewOutcome.Failed;
        }
    }

    protected override async ValueTask ReleaseAsync()
    {
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
}
