namespace ArchiveForecast.Api.Tests.Http;

/// <summary>A body of unknown length, so the client sends it chunked and without Content-Length.</summary>
internal sealed class ChunkedContent : HttpContent
{
    private readonly byte[] bytes;

    public ChunkedContent(byte[] bytes, string contentType = "application/json")
    {
        this.bytes = bytes;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (int offset = 0; offset < this.bytes.Length; offset += 64 * 1024)
        {
            await stream.WriteAsync(this.bytes.AsMemory(offset, Math.Min(64 * 1024, this.bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
