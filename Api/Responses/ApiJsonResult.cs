using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.Api.Responses;

/// <summary>
/// A JSON response of this API: snake_case body, <c>Cache-Control: no-store</c> (answers depend on the served
/// version), and any extra headers. Hosts execute it; handlers only build it.
/// </summary>
public sealed class ApiJsonResult<T>(int statusCode, T value, ResponseHeaders? headers = null, string contentType = ApiJson.ContentType)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    /// <inheritdoc />
    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    /// <inheritdoc />
    public T Value => value;

    object? IValueHttpResult.Value => value;

    /// <inheritdoc />
    public string ContentType => contentType;

    /// <summary>The extra headers.</summary>
    public ResponseHeaders Headers { get; } = headers ?? ResponseHeaders.None;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) =>
        ApiJson.WriteAsync(httpContext, statusCode, value, contentType, Headers);
}
