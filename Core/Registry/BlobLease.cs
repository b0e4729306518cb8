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

    public BlobLease(BlobLeaseClient lease, string path, TimeSpan renewEvery, TimeProvider timeProvider, ILogger logger)
    {
        this.lease = lease;
        this.path = path;
        this.logger = logger;
        StartRenewing(renewEvery, timeProvider);
    }

    protected override async Task<bool> RenewAsync(CancellationToken cancellationToken)
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

        return true;
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
