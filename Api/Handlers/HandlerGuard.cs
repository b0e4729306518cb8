using System.Diagnostics;
using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Routing;
using ArchiveForecast.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// Runs a handler so that both hosts answer alike when it throws (<see cref="ExceptionProblems"/>), and measures every
/// answer (<c>archiveforecast.http.request.duration</c>).
/// </summary>
internal static class HandlerGuard
{
    public static async Task<IResult> RunAsync(HttpRequest request, ILogger logger, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        var result = await AnswerAsync(request, logger, handler, cancellationToken);
        RecordRequest(request, result, Stopwatch.GetElapsedTime(started));
        return result;
    }

    // Both hosts pass through here, so one measurement serves both; the telemetry comes from the request's services
    // because handlers are built by each host's container and a request without services (a unit test) records nothing.
    private static void RecordRequest(HttpRequest request, IResult result, TimeSpan elapsed)
    {
        var telemetry = request.HttpContext.RequestServices?.GetService<ArchiveForecastTelemetry>();
        if (telemetry is null)
        {
            return;
        }

        string route = ApiRoute.Of(request.HttpContext)?.Path ?? "unmatched";
        int status = result is IStatusCodeHttpResult { StatusCode: int code } ? code : StatusCodes.Status200OK;
        telemetry.RecordRequest(route, request.Method, status, elapsed);
    }

    private static async Task<IResult> AnswerAsync(HttpRequest request, ILogger logger, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        try
        {
            return await handler();
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested || request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            throw;
        }
        catch (Exception exception)
        {
            return ExceptionProblems.Map(request, exception, logger);
        }
    }
}
