namespace ArchiveForecast.Core.Registry;

/// <summary>
/// A held lease, renewed on a timer until disposed and then released. The stores differ only in how they renew and
/// release one and in which failures they shrug off, so those are the subclasses' part. A lease is lost when the store
/// says so, or when renewals have failed for a whole duration (it has expired and someone else may hold it); then
/// <see cref="Lost"/> is cancelled so the work under it stops.
/// </summary>
internal abstract class RenewedLease : IAsyncDisposable, ILeaseState
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private Task renewing = Task.CompletedTask;
    private int disposed;

    /// <inheritdoc />
    public CancellationToken Lost => lost.Token;

    /// <inheritdoc />
    public string? LostReason { get; private set; }

    /// <summary>What the lease is on, for the reason given when it is lost.</summary>
    protected abstract string Description { get; }

    /// <summary>Starts the renewal loop; a subclass calls it once its own state is set.</summary>
    protected void StartRenewing(TimeSpan every, TimeSpan duration, TimeProvider timeProvider) =>
        renewing = RenewEveryAsync(every, duration, timeProvider, stop.Token);

    /// <summary>Renews the lease once. Transient failures are the subclass's to log and report as <see cref="RenewOutcome.Failed"/>.</summary>
    protected abstract Task<RenewOutcome> RenewAsync(CancellationToken cancellationToken);

    /// <summary>Releases the lease; a failure is the subclass's to log (the lease expires by itself within its duration).</summary>
    protected abstract ValueTask ReleaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
        if (LostReason is null)
        {
            await ReleaseAsync();
        }

        lost.Dispose();
    }

    private async Task RenewEveryAsync(TimeSpan every, TimeSpan duration, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every, timeProvider);
        long renewedAt = timeProvider.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                switch (await RenewAsync(cancellationToken))
                {
                    case RenewOutcome.Renewed:
                        renewedAt = timeProvider.GetTimestamp();
                        break;
                    case RenewOutcome.Lost:
                        await MarkLostAsync($"the lease on {Description} was taken or ended by the store");
                        return;
                    default:
                        if (timeProvider.GetElapsedTime(renewedAt) >= duration)
                        {
                            await MarkLostAsync($"the lease on {Description} could not be renewed for its whole duration ({duration.TotalSeconds:0} s) and has expired");
                            return;
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task MarkLostAsync(string reason)
    {
        LostReason = reason;
        await lost.CancelAsync();
    }
}
