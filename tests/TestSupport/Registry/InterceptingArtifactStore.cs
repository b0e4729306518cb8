using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.TestSupport;

/// <summary>
/// A decorator over a real store for fault tests: it can be "down" (every call throws <see cref="IOException"/>),
/// counts reads per path, and lets a test hold writes back (to line up races).
/// </summary>
public sealed class InterceptingArtifactStore(IArtifactStore inner) : IArtifactStore
{
    private readonly ConcurrentDictionary<string, int> reads = new(StringComparer.Ordinal);
    private int lists;

    /// <summary>While true, every call fails as an unreachable store would.</summary>
    public bool IsDown { get; set; }

    /// <summary>Awaited before every write goes through, with the path written.</summary>
    public Func<string, Task>? BeforeWrite { get; set; }

    public string Location => inner.Location;

    public int ReadsOf(string path) => reads.GetValueOrDefault(path);

    /// <summary>Every read so far, of any path.</summary>
    public int Reads => reads.Values.Sum();

    /// <summary>Every listing started so far.</summary>
    public int Lists => lists;

    public Task<StoredObject?> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        reads.AddOrUpdate(path, 1, (_, n) => n + 1);
        return inner.ReadAsync(path, maxBytes, cancellationToken);
    }

    public Task<string?> GetETagAsync(string path, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.GetETagAsync(path, cancellationToken);
    }

    public async Task<string?> WriteAsync(string path, ReadOnlyMemory<byte> content, WritePrecondition precondition, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        if (BeforeWrite is { } hook)
        {
            await hook(path);
        }

        return await inner.WriteAsync(path, content, precondition, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDown();
        Interlocked.Increment(ref lists);
        await foreach (var path in inner.ListAsync(prefix, cancellationToken))
        {
            yield return path;
        }
    }

    public Task<IAsyncDisposable?> TryAcquireLeaseAsync(string path, TimeSpan duration, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.TryAcquireLeaseAsync(path, duration, cancellationToken);
    }

    private void ThrowIfDown()
    {
        if (IsDown)
        {
            throw new IOException("The store is unreachable (simulated).");
        }
    }
}
