using System.Text;
using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>A request as the worker's ASP.NET Core integration hands it to a function: a real <see cref="DefaultHttpContext"/>.</summary>
internal sealed class HttpRequestBuilder
{
    private readonly string method;
    private readonly string path;
    private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
    private string? body;
    private byte[]? rawBody;
    private string? contentType;
    private string query = string.Empty;

    private HttpRequestBuilder(string method, string path)
    {
        this.method = method;
        this.path = path;
    }

    public static HttpRequestBuilder Get(string path) => new(HttpMethods.Get, path);

    public static HttpRequestBuilder Post(string path) => new(HttpMethods.Post, path);

    public static HttpRequestBuilder Delete(string path) => new(HttpMethods.Delete, path);

    public HttpRequestBuilder WithJson(string json) => WithBody(json, "application/json");

    public HttpRequestBuilder WithBody(string text, string? mediaType)
    {
        body = text;
        contentType = mediaType;
        return this;
    }

    /// <summary>A body of exact bytes, for text that no .NET string can hold (invalid UTF-8).</summary>
    public HttpRequestBuilder WithBytes(byte[] bytes, string? mediaType)
    {
        rawBody = bytes;
        contentType = mediaType;
        return this;
    }

    public HttpRequestBuilder WithQuery(string queryString)
    {
        query = queryString;
        return this;
    }

    public HttpRequestBuilder WithHeader(string name, string value)
    {
        headers[name] = value;
        return this;
    }

    public HttpRequest Build(IServiceProvider requestServices)
    {
        var context = new DefaultHttpContext { RequestServices = requestServices };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("archive-forecast.azurewebsites.net");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        if (rawBody is not null || body is not null)
        {
            byte[] bytes = rawBody ?? Encoding.UTF8.GetBytes(body!);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }
}
