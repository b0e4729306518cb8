namespace ArchiveForecast.Training.Batch;

/// <summary>
/// Outputs as files under a folder (<c>Predictions:Path</c>). Content goes to a hidden temporary file beside the target
/// and is renamed over it when committed, so a reader sees the old file or the whole new one. A temporary file left by
/// a crashed attempt at the same output is deleted when the next attempt begins.
/// </summary>
public sealed class FolderPredictionStore(string root) : IPredictionStore
{
    private const string TemporarySuffix = ".partial";

    private readonly string root = System.IO.Path.GetFullPath(root);

    /// <inheritdoc />
    public string Location => root;

    /// <inheritdoc />
    public Task<IPendingOutput> BeginAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string target = Resolve(path);
        string folder = System.IO.Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        string prefix = $".{System.IO.Path.GetFileName(target)}.";
        foreach (var stale in Directory.EnumerateFiles(folder, prefix + "*" + TemporarySuffix))
        {
            TryDelete(stale);
        }

        string temporary = System.IO.Path.Combine(folder, $"{prefix}{Guid.NewGuid():N}{TemporarySuffix}");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        return Task.FromResult<IPendingOutput>(new PendingFile(stream, temporary, target));
    }

    /// <inheritdoc />
    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var output = await BeginAsync(path, cancellationToken);
        await output.Content.WriteAsync(content, cancellationToken);
        await output.CommitAsync(cancellationToken);
    }

    private string Resolve(string path)
    {
        if (!OutputPath.IsValid(path))
        {
            throw new ArgumentException("An output path is a plain relative path.", nameof(path));
        }

        string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, path));
        if (!full.StartsWith(System.IO.Path.TrimEndingDirectorySeparator(root) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The output path leads outside the predictions folder.", nameof(path));
        }

        return full;
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Another attempt may hold it open; it is deleted by that attempt or the next one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class PendingFile(FileStream stream, string temporary, string target) : IPendingOutput
    {
        private bool committed;

        public Stream Content => stream;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
            await stream.DisposeAsync();
            File.Move(temporary, target, overwrite: true);
            committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!committed)
            {
                TryDelete(temporary);
            }
        }
    }
}
