using ArchiveForecast.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// Runs a handler so that both hosts answer alike when something unexpected happens: a request the server could not
/// read becomes its 4xx problem, anything else a 500 problem without internals, logged with the trace id.
/// </summary>
internal static class HandlerGuard
{
    public static async Task<IResult> RunAsync(HttpRequest request, ILogger logger, Func<Task<IResult>> handler, CancellationToken cancellationToken)
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
