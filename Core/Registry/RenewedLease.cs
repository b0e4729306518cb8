namespace ArchiveForecast.Core.Registry;

/// <summary>
/// A held lease, renewed on a timer until disposed and then released. The stores differ only in how they renew and
/// release one and in which failures they shrug off, so those are the subclasses' part.
/// </summary>
internal abstract class RenewedLease : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task renewing = Task.CompletedTask;
    private int disposed;

    /// <summary>Starts the renewal loop; a subclass calls it once its own state is set.</summary>
    protected void StartRenewing(TimeSpan every, TimeProvider timeProvider) => renewing = RenewEveryAsync(every, timeProvider, stop.Token);

    /// <summary>Renews the lease once; false when it is lost, which ends the renewals. Transient failures are the subclass's to log and absorb.</summary>
    protected abstract Task<bool> RenewAsync(CancellationToken cancellationToken);

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
        await ReleaseAsync();
    }

    private async Task RenewEveryAsync(TimeSpan every, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!await RenewAsync(cancellationToken))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
