using System.Buffers;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ArchiveForecast.Training.Batch;

/// <summary>
/// Outputs as block blobs of the <c>predictions</c> container. Content is staged as uncommitted blocks, which no reader
/// can see, and made visible by one Put Block List naming exactly this attempt's blocks; the blocks of a crashed attempt
/// are never named, and the service discards them at the next commit (or after a week).
/// </summary>
public sealed class BlobPredictionStore(BlobContainerClient container) : IPredictionStore
{
    /// <summary>The size of a staged block: large enough for few requests, small enough to hold one in memory.</summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    private const string CsvContentType = "text/csv; charset=utf-8";
    private const string JsonContentType = "application/json";

    /// <inheritdoc />
    public string Location { get; } = new UriBuilder(container.Uri) { Query = string.Empty }.Uri.ToString();

    /// <inheritdoc />
    public Task<IPendingOutput> BeginAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!OutputPath.IsValid(path))
        {
            throw new ArgumentException("An output path is a plain relative path.", nameof(path));
        }

        return Task.FromResult<IPendingOutput>(new PendingBlob(this, container.GetBlockBlobClient(path), ContentTypeOf(path)));
    }

    /// <inheritdoc />
    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (!OutputPath.IsValid(path))
        {
            throw new ArgumentException("An output path is a plain relative path.", nameof(path));
        }

        // One Put Blob: the service makes it visible whole or not at all.
        var blob = container.GetBlobClient(path);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(path) } };
        await WithContainerAsync(() => blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken), cancellationToken);
    }

    private static string ContentTypeOf(string path) =>
        path.EndsWith(".json", StringComparison.Ordinal) ? JsonContentType : CsvContentType;

    // The container is provisioned in Azure (where the app may not create it); on Azurite it is created on first use.
    private async Task WithContainerAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await write();
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            try
            {
                await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
            catch (RequestFailedException denied) when (denied.Status == 403)
            {
                throw new InvalidOperationException(
                    $"The predictions container does not exist and the app's identity may not create it; create the container that {PredictionsOptions.SectionName}:ContainerUri names.",
                    denied);
            }

            await write();
        }
    }

    private sealed class PendingBlob : IPendingOutput
    {
        private readonly BlobPredictionStore store;
        private readonly BlockBlobClient blob;
        private readonly string contentType;

        // Every block id of a blob must have the same length: this attempt's id and a six-digit sequence number.
        private readonly string attempt = Guid.NewGuid().ToString("N");
        private readonly List<string> blocks = [];
        private readonly StagingStream stream;

        public PendingBlob(BlobPredictionStore store, BlockBlobClient blob, string contentType)
        {
            this.store = store;
            this.blob = blob;
            this.contentType = contentType;
            stream = new StagingStream(StageAsync);
        }

        public Stream Content => stream;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await StageAsync(cancellationToken);
            var options = new CommitBlockListOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
            await store.WithContainerAsync(() => blob.CommitBlockListAsync(blocks, options, cancellationToken), cancellationToken);
        }

        public ValueTask DisposeAsync()
        {
            stream.Release();
            return ValueTask.CompletedTask;
        }

        private async Task StageAsync(CancellationToken cancellationToken)
        {
            if (stream.Buffered == 0 && blocks.Count > 0)
            {
                return;
            }

            string id = Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{attempt}-{blocks.Count:D6}")));
            // A fresh stream per attempt: a retry after creating the container must send the block from its start.
            await store.WithContainerAsync(
                async () =>
                {
                    using var content = new MemoryStream(stream.Buffer, 0, stream.Buffered, writable: false);
                    await blob.StageBlockAsync(id, content, cancellationToken: cancellationToken);
                },
                cancellationToken);

            blocks.Add(id);
            stream.Buffered = 0;
        }
    }

    /// <summary>A write-only stream that fills one block and hands it to be staged when full. Asynchronous writes only.</summary>
    private sealed class StagingStream(Func<CancellationToken, Task> stage) : Stream
    {
        private byte[]? buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);

        public byte[] Buffer => buffer ?? throw new ObjectDisposedException(nameof(StagingStream));

        public int Buffered { get; set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => buffer is not null;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            while (!source.IsEmpty)
            {
                int take = Math.Min(source.Length, BlockBytes - Buffered);
                source.Span[..take].CopyTo(Buffer.AsSpan(Buffered));
                Buffered += take;
                source = source[take..];
                if (Buffered == BlockBytes)
                {
                    await stage(cancellationToken);
                }
            }
        }

        public override Task WriteAsync(byte[] source, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(source.AsMemory(offset, count), cancellationToken).AsTask();

        // Staging is a network call: a synchronous write would block a thread on it.
        public override void Write(byte[] source, int offset, int count) =>
            throw new NotSupportedException("Write the output asynchronously.");

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] destination, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public void Release()
        {
            if (Interlocked.Exchange(ref buffer, null) is { } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
