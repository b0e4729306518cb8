namespace ArchiveForecast.Training.Batch;

/// <summary>An output being written: invisible until committed; disposing it uncommitted discards what was written.</summary>
public interface IPendingOutput : IAsyncDisposable
{
    /// <summary>The stream to write the content to (write-only, forward-only).</summary>
    Stream Content { get; }

    /// <summary>Makes the whole content visible at once, replacing an earlier output of the same path.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
