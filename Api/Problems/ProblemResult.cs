using ArchiveForecast.Api.Responses;
using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.Api.Problems;

/// <summary>An <c>application/problem+json</c> response with any headers the status calls for (Retry-After, Allow).</summary>
public sealed class ProblemResult(ProblemBody body, ResponseHeaders? headers = null)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemBody>, IContentTypeHttpResult
{
    /// <inheritdoc />
    public ProblemBody Value => body;

    object? IValueHttpResult.Value => body;

    /// <summary>The HTTP status.</summary>
    public int StatusCode => body.Status;

    int? IStatusCodeHttpResult.StatusCode => body.Status;

    /// <inheritdoc />
    public string ContentType => ApiJson.ProblemContentType;

    /// <summary>The extra headers.</summary>
    public ResponseHeaders Headers { get; } = headers ?? ResponseHeaders.None;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) =>
        ApiJson.WriteAsync(httpContext, body.Status, body, ApiJson.ProblemContentType, Headers);
}
