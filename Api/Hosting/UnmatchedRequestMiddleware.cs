using ArchiveForecast.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Hosting;

/// <summary>
/// Problem documents for requests no route takes: 404 for unknown paths, 405 (with <c>Allow</c>) for a known path with
/// another method. Paths with dot segments (<c>..</c>, also as <c>%2e%2e</c>) are 404 before Kestrel's normalisation
/// can turn <c>/api/models/%2e%2e/predict</c> into another route.
/// </summary>
public sealed class UnmatchedRequestMiddleware(RequestDelegate next)
{
    /// <summary>Answers unmatched requests; passes the rest on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (HasDotSegment(context.Features.Get<IHttpRequestFeature>()?.RawTarget))
        {
            await ApiProblems.NotFound(context.Request, "There is no such resource.").ExecuteAsync(context);
            return;
        }

        if (context.GetEndpoint() is null)
        {
            await ApiProblems.NotFound(context.Request, "There is no such route; see /api/openapi.json.").ExecuteAsync(context);
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
        {
            string allow = context.Response.Headers[HeaderNames.Allow].ToString();
            await ApiProblems.MethodNotAllowed(context.Request, allow).ExecuteAsync(context);
        }
    }

    /// <summary>True when the path of a raw request target has a <c>.</c> or <c>..</c> segment, plain or percent-encoded.</summary>
    public static bool HasDotSegment(string? rawTarget)
    {
        if (string.IsNullOrEmpty(rawTarget))
        {
            return false;
        }

        int query = rawTarget.IndexOfAny(['?', '#']);
        string path = query < 0 ? rawTarget : rawTarget[..query];
        foreach (string segment in path.Split('/'))
        {
            string decoded = segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            if (decoded is "." or "..")
            {
                return true;
            }
        }

        return false;
    }
}
