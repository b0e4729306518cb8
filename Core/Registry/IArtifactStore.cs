namespace ArchiveForecast.Core.Registry;

/// <summary>
/// The narrow storage seam under the registry: a tree of small immutable or conditionally replaced objects addressed by
/// '/'-separated relative paths (<c>{model}/versions/{n}/model.zip</c>). Implemented over a local folder and over a
/// Blob container; the registry's guarantees (exclusive versions, compare-and-swap pointer) rest on its preconditions.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Where the store lives, for messages and logs (a folder or a container URL; never a key).</summary>
    string Location { get; }

    /// <summary>Reads an object, or returns null when it does not exist.</summary>
    /// <exception cref="ArtifactTooLargeException">The object is larger than <paramref name="maxBytes"/>.</exception>
    Task<StoredObject?> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The current ETag of an object, or null when it does not exist.</summary>
    Task<string?> GetETagAsync(string path, CancellationToken cancellationToken);

    /// <summary>Writes an object when <paramref name="precondition"/> holds, atomically as seen by readers.</summary>
    /// <returns>The new ETag, or null when the precondition failed (the object exists, or its ETag differs).</returns>
    Task<string?> WriteAsync(string path, ReadOnlyMemory<byte> content, WritePrecondition precondition, CancellationToken cancellationToken);

    /// <summary>The paths of every object whose path starts with <paramref name="prefix"/>, in no particular order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Takes an exclusive lease named by <paramref name="path"/>, kept alive until disposed; returns null when someone
    /// else holds it. A holder that dies loses the lease after at most <paramref name="duration"/>.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireLeaseAsync(string path, TimeSpan duration, CancellationToken cancellationToken);
}
