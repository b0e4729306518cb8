namespace ArchiveForecast.Training.Batch;

/// <summary>
/// Where batch jobs write their outputs: a folder locally, the <c>predictions</c> blob container in Azure. An output
/// becomes visible only when it is committed whole, so a crash or a retry never leaves a partial file that looks finished.
/// </summary>
public interface IPredictionStore
{
    /// <summary>Where the outputs live, for messages (a folder or a container URL; never a key).</summary>
    string Location { get; }

    /// <summary>Starts writing <paramref name="path"/> (<c>{model}/{name}.csv</c>); nothing is visible there until <see cref="IPendingOutput.CommitAsync"/>.</summary>
    Task<IPendingOutput> BeginAsync(string path, CancellationToken cancellationToken);

    /// <summary>Writes a small object whole (replacing any), atomically as seen by readers.</summary>
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
