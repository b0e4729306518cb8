namespace ArchiveForecast.Core.Registry;

/// <summary>
/// What the holder of a lease from <see cref="IArtifactStore.TryAcquireLeaseAsync"/> can learn while holding it: the
/// stores' leases implement it, so work done under a lease can stop when the lease is lost.
/// </summary>
public interface ILeaseState
{
    /// <summary>Cancelled when the lease is lost: taken by someone else, ended, or not renewed within its duration.</summary>
    CancellationToken Lost { get; }

    /// <summary>Why the lease was lost, once it is; null while it is held.</summary>
    string? LostReason { get; }
}
