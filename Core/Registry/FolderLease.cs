using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>A held lease of a <see cref="FolderArtifactStore"/>: renewed every third of its duration until disposed, then deleted.</summary>
internal sealed class FolderLease : RenewedLease
{
    private readonly FolderArtifactStore store;
    private readonly string path;
    private readonly string owner;
    private readonly TimeSpan duration;
    private readonly ILogger logger;

    public FolderLease(FolderArtifactStore store, string path, string owner, TimeSpan duration, TimeProvider timeProvider, ILogger logger)
    {
        this.store = store;
        this.path = path;
        this.owner = owner;
        this.duration = duration;
        this.logger = logger;
        StartRenewing(duration / 3, timeProvider);
    }

    protected override async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await store.RenewLeaseAsync(path, owner, duration, cancellationToken))
            {
                CoreLog.LeaseLost(logger, path);
                return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Keep trying until disposed: a blip shorter than the lease must not drop it.
            CoreLog.LeaseRenewFailed(logger, path, ex);
        }

        return true;
    }

    protected override async ValueTask ReleaseAsync()
    {
        try
        {
            await store.ReleaseLeaseAsync(path, owner, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CoreLog.LeaseReleaseFailed(logger, path, ex);
        }
    }
}
