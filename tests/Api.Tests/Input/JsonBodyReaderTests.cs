using ArchiveForecast.Api.Input;
using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.Api.Tests.Input;

[TestFixture]
public sealed class JsonBodyReaderTests
{
    private static HttpRequest Request(byte[] body, string? contentType = "application/json", bool declareLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/predict";
        context.Request.ContentType = contentType;
        context.Request.Body = new TrickleStream(body);
        context.Request.ContentLength = declareLength ? body.Length : null;
        return context.Request;
    }

    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON; charset=UTF-8")]
    [TestCase("application/json; charset=\"utf-8\"")]
    public void IsJson_JsonInUtf8_IsAccepted(string contentType) =>
        Assert.That(JsonBodyReader.IsJson(contentType), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset=iso-8859-1")]
    [TestCase("application/jsonx")]
    [TestCase("application/problem+json")]
    [TestCase("multipart/form-data; boundary=x")]
    public void IsJson_AnythingElse_IsRefused(string? contentType) =>
        Assert.That(JsonBodyReader.IsJson(contentType), Is.False);

    [Test]
    public async Task ReadAsync_WrongContentType_Is415AndReadsNothing()
    {
        var stream = new TrickleStream("{}"u8.ToArray());
        var request = Request([], "text/plain");
        request.Body = stream;

        using var body = await JsonBodyReader.ReadAsync(request, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(body.Problem?.StatusCode, Is.EqualTo(415));
            Assert.That(stream.BytesRead, Is.Zero);
        });
    }

    [Test]
    public async Task ReadAsync_DeclaredLengthOverCap_Is413BeforeReading()
    {
        var stream = new TrickleStream(new byte[10]);
        var request = Request([]);
        request.Body = stream;
        request.ContentLength = RequestLimits.MaxBodyBytes + 1L;

        using var body = await JsonBodyReader.ReadAsync(request, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(body.Problem?.StatusCode, Is.EqualTo(413));
            Assert.That(stream.BytesRead, Is.Zero);
        });
    }

    [Test]
    public async Task ReadAsync_UndeclaredLengthOverCap_Is413AndStopsOneBytePastTheCap()
    {
        var stream = new TrickleStream(new byte[3 * RequestLimits.MaxBodyBytes]);
        var request = Request([], declareLength: false);
        request.Body = stream;

        using var body = await JsonBodyReader.ReadAsync(request, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(body.Problem?.StatusCode, Is.EqualTo(413));
            Assert.That(stream.BytesRead, Is.EqualTo(RequestLimits.MaxBodyBytes + 1));
        });
    }

    [Test]
    public async Task ReadAsync_BodyLongerThanDeclared_Is413()
    {
        var stream = new TrickleStream(new byte[RequestLimits.MaxBodyBytes + 100]);
        var request = Request([]);
        request.Body = stream;
        request.ContentLength = 10;

        using var body = await JsonBodyReader.ReadAsync(request, CancellationToken.None);

        Assert.That(body.Problem?.StatusCode, Is.EqualTo(413));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task ReadAsync_ExactlyTheCap_IsRead(bool declareLength)
    {
        byte[] content = new byte[RequestLimits.MaxBodyBytes];
        Random.Shared.NextBytes(content);
        var request = Request(content, declareLength: declareLength);

        using var body = await JsonBodyReader.ReadAsync(request, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(body.Problem, Is.Null);
            Assert.That(body.Span.SequenceEqual(content), Is.True);
        });
    }

    [Test]
    public async Task ReadAsync_SmallBodyInPieces_IsReadWhole()
    {
        byte[] content = Encoding.UTF8.GetBytes(new string('x', 50_000));
        var request = Request(content, declareLength: false);

        using var body = await JsonBodyReader.ReadAsync(request, CancellationToken.None);

        Assert.That(body.Span.ToArray(), Is.EqualTo(content));
    }

    /// <summary>A stream that hands out at most 7 KiB per read, as a network would, and counts what was read.</summary>
    private sealed class TrickleStream(byte[] content) : Stream
    {
        private int position;

        public int BytesRead => position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, 7 * 1024), content.Length - position);
            content.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
