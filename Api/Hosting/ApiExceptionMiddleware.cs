using ArchiveForecast.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Hosting;

/// <summary>
/// The last line of the Kestrel host: any exception outside a handler becomes a problem without internals (a request
/// the server could not read keeps its 4xx status; anything else is 500), logged with the trace id.
/// </summary>
public sealed class ApiExceptionMiddleware(RequestDelegate next, ILogger<ApiExceptionMiddleware> logger)
{
    /// <summary>Runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer, nothing to report.
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            ApiLog.BadRequest(logger, context.Request.Method, context.Request.Path, exception.StatusCode);
            var type = exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemTypes.PayloadTooLarge : ProblemTypes.MalformedRequest;
            await ApiProblems.Create(context.Request, type, "The request could not be read.").ExecuteAsync(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            // Deliberately broad: whatever failed, the client gets a problem document and never the exception.
            ApiLog.RequestFailed(logger, exception, context.Request.Method, context.Request.Path, ApiProblems.TraceId(context));
            context.Response.Clear();
            await ApiProblems.Unexpected(context.Request).ExecuteAsync(context);
        }
    }
}
