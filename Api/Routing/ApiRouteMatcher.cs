using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ArchiveForecast.Api.Routing;

/// <summary>
/// Which contract route a request is for: the endpoint's <see cref="ApiRoute"/> on the Kestrel host, else a match of
/// the method and path against the route table (the Functions host's endpoints do not carry it). Telemetry tags
/// requests with the route's template, never the raw path, so model names and run ids do not multiply the series.
/// </summary>
internal static class ApiRouteMatcher
{
    public static ApiRoute? Match(HttpContext context)
    {
        if (context.Features.Get<IEndpointFeature>()?.Endpoint?.Metadata.GetMetadata<ApiRoute>() is { } mapped)
        {
            return mapped;
        }

        return Match(context.Request.Method, context.Request.Path);
    }

    public static ApiRoute? Match(string method, PathString path)
    {
        string[] segments = (path.Value ?? string.Empty).Trim('/').Split('/');
        foreach (var route in ApiRoutes.All)
        {
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase) && Matches(route.Path.Trim('/').Split('/'), segments))
            {
                return route;
            }
        }

        return null;
    }

    private static bool Matches(string[] template, string[] segments)
    {
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (int i = 0; i < template.Length; i++)
        {
            bool parameter = template[i].StartsWith('{') && template[i].EndsWith('}');
            if (parameter ? segments[i].Length == 0 : !string.Equals(template[i], segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
