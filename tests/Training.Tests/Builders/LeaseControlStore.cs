namespace ArchiveForecast.Training.Tests.Builders;

/// <summary>
/// A real store whose leases the test can make lost (as a failed renewal would), and which counts the attempts to take
/// one while another holder keeps it busy.
/// </summary>
internal sealed class LeaseControlStore(IArtifactStore inner) : IArtifactStore
{
    private readonly List<ControlledLease> leases = [];

    public string Location => inner.Location;

    /// <summary>While positive, that many attempts to take a lease find it busy.</summary>
    public int BusyAttempts { get; set; }

    public int Attempts { get; private set; }

    public void LoseLeases(string reason)
    {
        foreach (var lease in leases)
        {
            lease.Lose(reason);
        }
    }

    public Task<StoredObject?> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken) => inner.ReadAsync(path, maxBytes, cancellationToken);

    public Task<string?> GetETagAsync(string path, CancellationToken cancellationToken) => inner.GetETagAsync(path, cancellationToken);

    public Task<string?> WriteAsync(string path, ReadOnlyMemory<byte> content, WritePrecondition precondition, CancellationToken cancellationToken) =>
        inner.WriteAsync(path, content, precondition, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public async Task<IAsyncDisposable?> TryAcquireLeaseAsync(string path, TimeSpan duration, CancellationToken cancellationToken)
    {
        Attempts++;
        if (BusyAttempts > 0)
        {
            BusyAttempts--;
            return null;
        }

        var held = await inner.TryAcquireLeaseAsync(path, duration, cancellationToken);
        if (held is null)
        {
            return null;
        }

        var lease = new ControlledLease(held);
        leases.Add(lease);
        return lease;
    }

    private sealed class ControlledLease(IAsyncDisposable inner) : IAsyncDisposable, ILeaseState
    {
        private readonly CancellationTokenSource lost = new();

        public CancellationToken Lost => lost.Token;

        public string? LostReason { get; private set; }

        public void Lose(string reason)
        {
            LostReason = reason;
            lost.Cancel();
        }

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            lost.Dispose();
        }
    }
}
