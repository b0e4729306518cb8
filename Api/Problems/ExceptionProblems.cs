using ArchiveForecast.Training.Retraining;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Problems;

/// <summary>
/// The one place an exception becomes a problem, for both hosts: a request the server could not read keeps its 4xx
/// status, a full retraining queue is a 503 with Retry-After (back-pressure, not a fault), anything else is a 500
/// without internals, logged with the trace id. Callers let a cancelled request's exception pass: nobody is listening.
/// </summary>
public static class ExceptionProblems
{
    private static readonly TimeSpan RetrainRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The problem that answers <paramref name="exception"/>, logged on <paramref name="logger"/>.</summary>
    public static ProblemResult Map(HttpRequest request, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case BadHttpRequestException unreadable:
                ApiLog.BadRequest(logger, request.Method, request.Path, unreadable.StatusCode);
                return unreadable.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? ApiProblems.Create(request, ProblemTypes.PayloadTooLarge, "The body is larger than the server accepts.")
                    : ApiProblems.Create(request, ProblemTypes.MalformedRequest, "The request could not be read.");
            case RetrainQueueFullException:
                ApiLog.RetrainQueueFull(logger, request.Method, request.Path);
                return ApiProblems.Unavailable(request, ProblemTypes.Busy, "The retraining queue is full; retry after the Retry-After delay.", RetrainRetryAfter);
            default:
                // Deliberately broad: no exception may turn into a response that shows internals.
                ApiLog.RequestFailed(logger, exception, request.Method, request.Path, ApiProblems.TraceId(request.HttpContext));
                return ApiProblems.Unexpected(request);
        }
    }
}
