using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Ui;

/// <summary>A static HTML page with its Content-Security-Policy and the headers that keep browsers from guessing.</summary>
public sealed class HtmlPageResult(ReadOnlyMemory<byte> html, string contentSecurityPolicy)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary><c>text/html; charset=utf-8</c></summary>
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc />
    public string ContentType => HtmlContentType;

    /// <summary>The policy sent with the page.</summary>
    public string ContentSecurityPolicy => contentSecurityPolicy;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = HtmlContentType;
        response.ContentLength = html.Length;
        response.Headers[HeaderNames.ContentSecurityPolicy] = contentSecurityPolicy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.XFrameOptions] = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers[HeaderNames.CacheControl] = "no-cache";
        return response.Body.WriteAsync(html, httpContext.RequestAborted).AsTask();
    }
}
