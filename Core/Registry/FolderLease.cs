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
        StartRenewing(duration / 3, duration, timeProvider);
    }

    protected override string Description => path;

    protected override async Task<RenewOutcome> RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await store.RenewLeaseAsync(path, owner, duration, cancellationToken))
            {
                CoreLog.LeaseLost(logger, path);
                return RenewOutcome.Lost;
            }

            return RenewOutcome.Renewed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Keep trying: a blip shorter than the lease must not drop it (the base class decides when it has expired).
            CoreLog.LeaseRenewFailed(logger, path, ex);
            return RenewOutcome.Failed;
        }
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
