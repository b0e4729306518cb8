using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// The registry's store over a local folder, safe for several threads and processes sharing the folder.
/// Every write to a folder happens under that folder's lock file (<c>.lock</c>, opened with <see cref="FileShare.None"/>,
/// an OS file lock that dies with its process): the precondition is checked, the content goes to a temporary file,
/// and a rename puts it in place, so readers never see a partial file. ETags are derived from the content.
/// Segments starting with a dot are reserved for those lock and temporary files and are never listed.
/// </summary>
public sealed class FolderArtifactStore : IArtifactStore
{
    /// <summary>How long a write waits for a folder's lock before it fails with an <see cref="IOException"/>.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    private const string LockFileName = ".lock";
    private const int MaxPathLength = 1024;
    private const long MaxLeaseFileBytes = 4096;
    private static readonly SearchValues<char> ForbiddenCharacters = SearchValues.Create("\\:*?\"<>|");

    private readonly string root;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly TimeSpan lockTimeout;

    /// <summary>Creates a store over <paramref name="rootPath"/> (created on the first write).</summary>
    /// <param name="rootPath">The folder holding the registry tree.</param>
    /// <param name="timeProvider">The clock of lease expiry and renewal.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <param name="lockTimeout">How long a write waits for a folder's lock; <see cref="DefaultLockTimeout"/> when null.</param>
    public FolderArtifactStore(string rootPath, TimeProvider timeProvider, ILogger<FolderArtifactStore>? logger = null, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
        this.timeProvider = timeProvider;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.lockTimeout = lockTimeout ?? DefaultLockTimeout;
    }

    /// <inheritdoc />
    public string Location => root;

    /// <summary>True when <paramref name="path"/> is a plain relative store path: '/'-separated, non-empty segments, no dot segments, no backslashes or drive letters.</summary>
    public static bool IsValidPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxPathLength || path[0] == '/' || path[^1] == '/')
        {
            return false;
        }

        foreach (var segment in path.Split('/'))
        {
            if (!IsValidSegment(segment))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public async Task<StoredObject?> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var file = FullPath(path);
        var content = await ReadFileAsync(file, path, maxBytes, cancellationToken);
        return content is null ? null : new StoredObject(content, ETagOf(content));
    }

    /// <inheritdoc />
    public async Task<string?> GetETagAsync(string path, CancellationToken cancellationToken)
    {
        var file = FullPath(path);
        var content = await ReadFileAsync(file, path, Array.MaxLength, cancellationToken);
        return content is null ? null : ETagOf(content);
    }

    /// <inheritdoc />
    public async Task<string?> WriteAsync(string path, ReadOnlyMemory<byte> content, WritePrecondition precondition, CancellationToken cancellationToken)
    {
        var file = FullPath(path);
        using var folderLock = await LockFolderAsync(Path.GetDirectoryName(file)!, cancellationToken);
        if (precondition.MustNotExist && File.Exists(file))
        {
            return null;
        }

        if (precondition.IfMatch is { } expected)
        {
            var current = await ReadFileAsync(file, path, Array.MaxLength, cancellationToken);
            if (current is null || !string.Equals(ETagOf(current), expected, StringComparison.Ordinal))
            {
                return null;
            }
        }

        await ReplaceAsync(file, content, cancellationToken);
        return ETagOf(content.Span);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        int lastSlash = prefix.LastIndexOf('/');
        string folderPart = lastSlash < 0 ? string.Empty : prefix[..lastSlash];
        string namePart = prefix[(lastSlash + 1)..];
        if ((folderPart.Length > 0 && !IsValidPath(folderPart)) || (namePart.Length > 0 && !IsValidSegment(namePart)))
        {
            throw new ArgumentException($"'{prefix}' is not a plain relative store path prefix.", nameof(prefix));
        }

        var folder = folderPart.Length == 0 ? root : FullPath(folderPart);

        // Directory enumeration is synchronous I/O: run it on the thread pool, not on the caller's thread.
        await Task.Yield();
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
        };
        foreach (var file in Directory.EnumerateFiles(folder, "*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith(prefix, StringComparison.Ordinal) && IsValidPath(relative))
            {
                yield return relative;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The lease is a file holding its owner token and expiry time. It is taken when absent, unreadable or expired (by
    /// this store's clock), renewed every third of <paramref name="duration"/> while held, and deleted on dispose if
    /// still owned.
    /// </remarks>
    public async Task<IAsyncDisposable?> TryAcquireLeaseAsync(string path, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var file = FullPath(path);
        var owner = Guid.NewGuid().ToString("N");
        using (var folderLock = await LockFolderAsync(Path.GetDirectoryName(file)!, cancellationToken))
        {
            var existing = await ReadLeaseAsync(file, path, cancellationToken);
            var now = timeProvider.GetUtcNow();
            if (existing is not null && existing.ExpiresAt > now)
            {
                return null;
            }

            if (existing is not null)
            {
                CoreLog.LeaseTakenOver(logger, path, existing.ExpiresAt);
            }

            await WriteLeaseAsync(file, new LeaseFile(owner, now + duration), cancellationToken);
        }

        return new FolderLease(this, path, owner, duration, timeProvider, logger);
    }

    /// <summary>Extends a lease still owned by <paramref name="owner"/>; false when it is no longer ours.</summary>
    internal async Task<bool> RenewLeaseAsync(string path, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var file = FullPath(path);
        using var folderLock = await LockFolderAsync(Path.GetDirectoryName(file)!, cancellationToken);
        var existing = await ReadLeaseAsync(file, path, cancellationToken);
        if (existing is null || !string.Equals(existing.Owner, owner, StringComparison.Ordinal))
        {
            return false;
        }

        await WriteLeaseAsync(file, existing with { ExpiresAt = timeProvider.GetUtcNow() + duration }, cancellationToken);
        return true;
    }

    /// <summary>Deletes a lease still owned by <paramref name="owner"/>; one taken over by someone else is left alone.</summary>
    internal async Task ReleaseLeaseAsync(string path, string owner, CancellationToken cancellationToken)
    {
        var file = FullPath(path);
        using var folderLock = await LockFolderAsync(Path.GetDirectoryName(file)!, cancellationToken);
        var existing = await ReadLeaseAsync(file, path, cancellationToken);
        if (existing is not null && string.Equals(existing.Owner, owner, StringComparison.Ordinal))
        {
            File.Delete(file);
        }
    }

    private static bool IsValidSegment(string segment) =>
        segment.Length > 0
        && segment[0] != '.'
        && segment.AsSpan().IndexOfAny(ForbiddenCharacters) < 0
        && !segment.Any(char.IsControl);

    private static string ETagOf(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return string.Concat("\"", Convert.ToHexStringLower(hash[..16]), "\"");
    }

    private static string ETagOf(byte[] content) => ETagOf(content.AsSpan());

    private string FullPath(string path)
    {
        if (!IsValidPath(path))
        {
            throw new ArgumentException($"'{path}' is not a plain relative store path.", nameof(path));
        }

        var full = Path.GetFullPath(Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar)));
        var inside = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(inside, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' leaves the store.", nameof(path));
        }

        return full;
    }

    private async Task<byte[]?> ReadFileAsync(string file, string path, long maxBytes, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            // Replacements are renames, so an open handle keeps reading the version it opened, whole.
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (stream)
        {
            long cap = Math.Min(maxBytes, Array.MaxLength);
            long length = stream.Length;
            if (length > cap)
            {
                throw TooLarge(path, length, maxBytes);
            }

            var buffer = new byte[length];
            int read = 0;
            while (read < buffer.Length)
            {
                int n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    return buffer[..read];
                }

                read += n;
            }

            return buffer;
        }
    }

    private ArtifactTooLargeException TooLarge(string path, long length, long maxBytes) =>
        new($"{path} in {Location} is {length} bytes, above the limit of {maxBytes} bytes.");

    private static async Task ReplaceAsync(string file, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, file, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // A leftover temporary file is hidden from listings and harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private async Task<FileStream> LockFolderAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var lockFile = Path.Combine(folder, LockFileName);

        // Lock waits are real time whatever clock the leases run on, so a test clock cannot stall them.
        long started = Stopwatch.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            try
            {
                // The lock file is never deleted: deleting it would let two writers lock two different files.
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (Stopwatch.GetElapsedTime(started) < lockTimeout)
            {
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(50).Ticks));
            }
            catch (IOException ex)
            {
                throw new IOException($"Timed out after {lockTimeout.TotalSeconds:0} s waiting for the write lock of a folder in {Location}.", ex);
            }
        }
    }

    private async Task<LeaseFile?> ReadLeaseAsync(string file, string path, CancellationToken cancellationToken)
    {
        byte[]? content;
        try
        {
            content = await ReadFileAsync(file, path, MaxLeaseFileBytes, cancellationToken);
        }
        catch (ArtifactTooLargeException)
        {
            return LeaseFile.Unreadable;
        }

        if (content is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LeaseFile>(content, ArtifactJson.Options) ?? LeaseFile.Unreadable;
        }
        catch (JsonException)
        {
            // Not written by a lease holder (leases are replaced whole): treat it as expired rather than locked forever.
            return LeaseFile.Unreadable;
        }
    }

    private static Task WriteLeaseAsync(string file, LeaseFile lease, CancellationToken cancellationToken) =>
        ReplaceAsync(file, JsonSerializer.SerializeToUtf8Bytes(lease, ArtifactJson.Options), cancellationToken);

    /// <summary>The content of a lease file.</summary>
    private sealed record LeaseFile(string Owner, DateTimeOffset ExpiresAt)
    {
        public static LeaseFile Unreadable { get; } = new(string.Empty, DateTimeOffset.MinValue);
    }
}
