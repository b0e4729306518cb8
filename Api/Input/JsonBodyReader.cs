using System.Buffers;
using System.Globalization;
using ArchiveForecast.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Input;

/// <summary>
/// Reads a JSON request body under the contract's rules: <c>application/json</c> (UTF-8 only) or 415, at most
/// <see cref="RequestLimits.MaxBodyBytes"/> or 413 — refused from Content-Length before reading, and counted while
/// reading so that a chunked body stops one byte past the cap.
/// </summary>
public static class JsonBodyReader
{
    private const int InitialBufferBytes = 16 * 1024;

    // One byte past the cap is enough to know that a body is too large; nothing beyond it is read.
    private const int ReadLimit = RequestLimits.MaxBodyBytes + 1;

    /// <summary>
    /// Reads the body of <paramref name="request"/> and parses it: the value, or the problem to answer with (415 or
    /// 413 from reading, 400 or 422 from <paramref name="parse"/>).
    /// </summary>
    public static async Task<ParsedBody<T>> ReadAsync<T>(
        HttpRequest request, Func<ReadOnlySpan<byte>, ParseResult<T>> parse, CancellationToken cancellationToken)
        where T : class
    {
        using var body = await ReadAsync(request, cancellationToken);
        if (body.Problem is { } refused)
        {
            return new ParsedBody<T>(null, refused);
        }

        var parsed = parse(body.Span);
        return parsed.Succeeded ? new ParsedBody<T>(parsed.Value, null) : new ParsedBody<T>(null, parsed.ToProblem(request));
    }

    /// <summary>Reads the body of <paramref name="request"/>.</summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return RequestBody.Refused(ApiProblems.Create(
                request,
                ProblemTypes.UnsupportedMediaType,
                "Send the body as Content-Type: application/json (UTF-8)."));
        }

        if (request.ContentLength is > RequestLimits.MaxBodyBytes)
        {
            return RequestBody.Refused(TooLarge(request));
        }

        int capacity = request.ContentLength is { } declared
            ? (int)Math.Min(declared + 1, ReadLimit)
            : InitialBufferBytes;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1));
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length);
                }

                int window = Math.Min(buffer.Length, ReadLimit) - length;
                int read = await request.Body.ReadAsync(buffer.AsMemory(length, window), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > RequestLimits.MaxBodyBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return RequestBody.Refused(TooLarge(request));
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return RequestBody.Read(buffer, length);
    }

    /// <summary>True for <c>application/json</c> with no charset or a UTF-8 one.</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!mediaType.Charset.HasValue
            || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || mediaType.Charset.Equals("\"utf-8\"", StringComparison.OrdinalIgnoreCase));

    private static byte[] Grow(byte[] buffer, int length)
    {
        int size = (int)Math.Min((long)buffer.Length * 2, ReadLimit);
        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static ProblemResult TooLarge(HttpRequest request) =>
        ApiProblems.Create(
            request,
            ProblemTypes.PayloadTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"The body must be at most {RequestLimits.MaxBodyBytes} bytes (1 MiB)."));
}
