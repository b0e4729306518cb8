using System.Runtime.CompilerServices;
using ArchiveForecast.Core.Configuration;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// The registry's store over one Blob container. Create-only writes use <c>If-None-Match: *</c>, replacements
/// <c>If-Match</c>, so exclusive versions and the compare-and-swap pointer are enforced by the storage service itself;
/// the training lock is a blob lease renewed while held.
/// </summary>
/// <param name="container">The container holding the registry tree.</param>
/// <param name="createContainerIfMissing">
/// Create the container on first use when the identity may. In Azure the container is normally provisioned with the
/// account and the app's identity may not create containers: then an existing container is used as it is, and a missing
/// one fails with <see cref="ArtifactStoreMissingException"/>, one line naming the account, the container and what to do.
/// </param>
/// <param name="timeProvider">The clock for lease renewals.</param>
/// <param name="logger">The logger.</param>
public sealed class BlobArtifactStore(
    BlobContainerClient container,
    bool createContainerIfMissing,
    TimeProvider timeProvider,
    ILogger<BlobArtifactStore> logger)
    : IArtifactStore
{
    private volatile bool containerReady = !createContainerIfMissing;

    /// <summary>The shortest lease the Blob service grants.</summary>
    public static readonly TimeSpan MinLeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>The longest finite lease the Blob service grants.</summary>
    public static readonly TimeSpan MaxLeaseDuration = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public string Location { get; } = new UriBuilder(container.Uri) { Query = string.Empty }.Uri.ToString();

    /// <inheritdoc />
    public async Task<StoredObject?> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadCoreAsync(path, maxBytes, cancellationToken);
        }
        catch (Exception ex) when (StorageFailures.IsAccessFailure(ex))
        {
            throw AccessDenied(ex);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw ContainerMissing(ex);
        }
    }

    /// <inheritdoc />
    public async Task<string?> GetETagAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await GetETagCoreAsync(path, cancellationToken);
        }
        catch (Exception ex) when (StorageFailures.IsAccessFailure(ex))
        {
            throw AccessDenied(ex);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw ContainerMissing(ex);
        }
    }

    /// <inheritdoc />
    public async Task<string?> WriteAsync(string path, ReadOnlyMemory<byte> content, WritePrecondition precondition, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteCoreAsync(path, content, precondition, cancellationToken);
        }
        catch (Exception ex) when (StorageFailures.IsAccessFailure(ex))
        {
            throw AccessDenied(ex);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw ContainerMissing(ex);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var names = ListCoreAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await names.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (StorageFailures.IsAccessFailure(ex))
            {
                throw AccessDenied(ex);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                throw ContainerMissing(ex);
            }

            yield return names.Current;
        }
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryAcquireLeaseAsync(string path, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            return await TryAcquireLeaseCoreAsync(path, duration, cancellationToken);
        }
        catch (Exception ex) when (StorageFailures.IsAccessFailure(ex))
        {
            throw AccessDenied(ex);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw ContainerMissing(ex);
        }
    }

    private async Task<StoredObject?> ReadCoreAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var blob = container.GetBlobClient(CheckPath(path));
        await EnsureContainerAsync(cancellationToken);
        Response<BlobDownloadStreamingResult> response;
        try
        {
            response = await blob.DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode != BlobErrorCode.ContainerNotFound)
        {
            return null;
        }

        using var result = response.Value;
        var length = result.Details.ContentLength;
        var cap = Math.Min(maxBytes, Array.MaxLength - 1L);
        if (length > cap)
        {
            throw TooLarge(path, length, maxBytes);
        }

        // Content-Length is trusted only as far as the cap: the copy stops one byte past it whatever the stream holds.
        var buffer = new byte[(int)Math.Min(cap + 1, Math.Max(length, 0) + 1)];
        var read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (read > cap)
                {
                    throw TooLarge(path, read, maxBytes);
                }

                Array.Resize(ref buffer, (int)Math.Min(cap + 1, (long)buffer.Length * 2));
            }

            var n = await result.Content.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read > cap)
        {
            throw TooLarge(path, read, maxBytes);
        }

        return new StoredObject(buffer.AsMemory(0, read), result.Details.ETag.ToString());
    }

    private async Task<string?> GetETagCoreAsync(string path, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var properties = await container.GetBlobClient(CheckPath(path)).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode != BlobErrorCode.ContainerNotFound)
        {
            return null;
        }
    }

    private async Task<string?> WriteCoreAsync(string path, ReadOnlyMemory<byte> content, WritePrecondition precondition, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(CheckPath(path));
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(path) },
            Conditions = precondition switch
            {
                { MustNotExist: true } => new BlobRequestConditions { IfNoneMatch = ETag.All },
                { IfMatch: { } etag } => new BlobRequestConditions { IfMatch = new ETag(etag) },
                _ => null,
            },
        };

        await EnsureContainerAsync(cancellationToken);
        try
        {
            var response = await blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (IsPreconditionFailure(ex, precondition))
        {
            return null;
        }
    }

    private async IAsyncEnumerable<string> ListCoreAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var options = new GetBlobsOptions { Prefix = prefix };
        await foreach (var item in container.GetBlobsAsync(options, cancellationToken))
        {
            yield return item.Name;
        }
    }

    private async Task<IAsyncDisposable?> TryAcquireLeaseCoreAsync(string path, TimeSpan duration, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(CheckPath(path));
        await EnsureContainerAsync(cancellationToken);
        await EnsureLeaseBlobAsync(blob, cancellationToken);

        var leaseDuration = duration < MinLeaseDuration ? MinLeaseDuration : duration > MaxLeaseDuration ? MaxLeaseDuration : duration;
        var lease = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
        try
        {
            await lease.AcquireAsync(leaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            CoreLog.BlobLeaseHeld(logger, path);
            return null;
        }

        return new BlobLease(lease, path, leaseDuration, timeProvider, logger);
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (containerReady)
        {
            return;
        }

        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            // The identity may not create containers (in Azure, Terraform provisions them): fine if it exists.
            if (!await ExistsAsync(cancellationToken))
            {
                throw ContainerMissing(ex);
            }
        }

        containerReady = true;
    }

    private async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await container.ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            // Cannot tell: the operation that follows will say what is wrong.
            return true;
        }
    }

    private ArtifactStoreMissingException ContainerMissing(Exception ex) =>
        new(
            $"Blob container '{container.Name}' does not exist in storage account '{container.AccountName}' and the app's identity may not create it " +
            $"({StorageFailures.Reason(ex)}). Create it (az storage container create --auth-mode login --account-name {container.AccountName} " +
            $"--name {container.Name}, or apply the Terraform), or give the identity a role that may create containers; " +
            $"{ModelStoreOptions.SectionName}:ContainerUri names it.",
            ex);

    private static async Task EnsureLeaseBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            await blob.UploadAsync(BinaryData.Empty, options, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // It exists already (and may be leased right now): either way it is there to lease.
        }
    }

    private static bool IsPreconditionFailure(RequestFailedException ex, WritePrecondition precondition) =>
        ex.Status switch
        {
            412 => true,
            409 => precondition.MustNotExist && ex.ErrorCode == BlobErrorCode.BlobAlreadyExists,
            // An If-Match against a blob that is gone: it no longer has that ETag.
            404 => precondition.IfMatch is not null && ex.ErrorCode != BlobErrorCode.ContainerNotFound,
            _ => false,
        };

    private ArtifactStoreAccessException AccessDenied(Exception ex) =>
        new(
            (ex is RequestFailedException
                ? $"Blob container {Location} refused the app's identity ({StorageFailures.Reason(ex)}). In Azure the managed identity needs the Storage Blob Data Contributor role on it. "
                : $"No token for Blob container {Location} could be obtained ({StorageFailures.Reason(ex)}). ") +
            $"Check {ModelStoreOptions.SectionName}:ContainerUri and {ModelStoreOptions.SectionName}:ManagedIdentityClientId.",
            ex);

    private ArtifactTooLargeException TooLarge(string path, long length, long maxBytes) =>
        new($"{Location}{path} is {length} bytes or more, above the limit of {maxBytes} bytes (ModelStore:MaxArtifactBytes).");

    private static string CheckPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a plain relative store path.", nameof(path));
        }

        return path;
    }

    private static string ContentTypeOf(string path) =>
        Path.GetExtension(path) switch
        {
            ".json" => "application/json",
            ".zip" => "application/zip",
            _ => "application/octet-stream",
        };
}
