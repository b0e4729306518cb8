using ArchiveForecast.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Hosting;

/// <summary>
/// The last line of the Kestrel host: an exception outside a handler becomes the same problem a handler's would
/// (<see cref="ExceptionProblems"/>).
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
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await ExceptionProblems.Map(context.Request, exception, logger).ExecuteAsync(context);
        }
    }
}
