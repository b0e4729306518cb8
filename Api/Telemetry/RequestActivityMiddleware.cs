using System.Diagnostics;
using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ArchiveForecast.Api.Telemetry;

/// <summary>
/// Names ASP.NET Core's request activity after the contract route (<c>POST /api/predict</c>) and adds the HTTP
/// semantic-convention tags the Application Insights exporter reads for the <c>requests</c> table (name, URL, result
/// code, success). ASP.NET Core creates the activity but leaves these to an instrumentation library; the route table
/// knows them, so this is all it takes. Without a listener there is no activity and nothing happens.
/// </summary>
public sealed class RequestActivityMiddleware(RequestDelegate next)
{
    /// <summary>Runs the rest of the pipeline, then describes the request on its activity.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is null || !activity.IsAllDataRequested)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Describe(activity, context);
        }
    }

    private static void Describe(Activity activity, HttpContext context)
    {
        var request = context.Request;
        int status = context.Response.StatusCode;
        string? route = ApiRoute.Of(context)?.Path;
        activity.DisplayName = $"{request.Method} {route ?? "(unmatched)"}";
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("http.route", route);
        activity.SetTag("http.response.status_code", status);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.Path.Value);
        activity.SetTag("server.address", request.Host.Host);
        activity.SetTag("server.port", request.Host.Port);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
