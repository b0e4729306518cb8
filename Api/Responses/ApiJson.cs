using System.Text.Encodings.Web;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Responses;

/// <summary>The JSON shape of every response body: the artifacts' snake_case, written compactly.</summary>
public static class ApiJson
{
    /// <summary>Serializer options for response bodies.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary><c>application/json; charset=utf-8</c></summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary><c>application/problem+json; charset=utf-8</c></summary>
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    /// <summary>
    /// Writes a JSON response: the status, <c>Cache-Control: no-store</c> (answers depend on the served version), the
    /// extra headers, and <paramref name="value"/> in the API's JSON shape. Every JSON answer, problems included, is
    /// written here.
    /// </summary>
    public static Task WriteAsync<T>(HttpContext httpContext, int statusCode, T value, string contentType, ResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(headers);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.Headers[HeaderNames.CacheControl] = "no-store";
        foreach (var (name, headerValue) in headers.Values)
        {
            response.Headers[name] = headerValue;
        }

        return response.WriteAsJsonAsync(value, Options, contentType, httpContext.RequestAborted);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        // Problem details are read by people: no \u0027 for an apostrophe or \u00B2 for R². Every response is
        // application/json (never HTML), so the relaxed encoder's unescaped <, > and & are harmless.
        var options = new JsonSerializerOptions(ArtifactJson.Options) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
