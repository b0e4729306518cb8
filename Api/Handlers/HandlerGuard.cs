using System.Diagnostics;
using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Routing;
using ArchiveForecast.Core.Telemetry;
using ArchiveForecast.Training.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// Runs a handler so that both hosts answer alike when something unexpected happens: a request the server could not
/// read becomes its 4xx problem, a full retraining queue a 503 with Retry-After, anything else a 500 problem without internals, logged with the trace id. Every answer is measured (<c>archiveforecast.http.request.duration</c>).
/// </summary>
internal static class HandlerGuard
{
    private static readonly TimeSpan RetrainRetryAfter = TimeSpan.FromSeconds(30);

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

        string route = ApiRouteMatcher.Match(request.HttpContext)?.Path ?? "unmatched";
        int status = result is IStatusCodeHttpResult { StatusCode: int code } ? code : StatusCodes.Status200OK;
        telemetry.RecordRequest(route, request.Method, status, elapsed);
    }

    private static async Task<IResult> AnswerAsync(HttpRequest request, ILogger logger, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        try
        {
            return await handler();
        }
        catch (BadHttpRequestException exception)
        {
            ApiLog.BadRequest(logger, request.Method, request.Path, exception.StatusCode);
            return exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ApiProblems.Create(request, ProblemTypes.PayloadTooLarge, "The body is larger than the server accepts.")
                : ApiProblems.Create(request, ProblemTypes.MalformedRequest, "The request could not be read.");
        }
        catch (RetrainQueueFullException)
        {
            // Back-pressure, not a fault: the client may retry once the queue has drained a little.
            ApiLog.RetrainQueueFull(logger, request.Method, request.Path);
            return ApiProblems.Unavailable(request, ProblemTypes.Busy, "The retraining queue is full; retry after the Retry-After delay.", RetrainRetryAfter);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested || request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            throw;
        }
        catch (Exception exception)
        {
            // Deliberately broad: no exception may turn into a response that shows internals.
            string traceId = ApiProblems.TraceId(request.HttpContext);
            ApiLog.RequestFailed(logger, exception, request.Method, request.Path, traceId);
            return ApiProblems.Unexpected(request);
        }
    }
}
