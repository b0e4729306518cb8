using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Security;

/// <summary>
/// Enforces each route's key level on the Kestrel host (the Functions host enforces levels itself), before any handler
/// runs and before the body is read. Refusals are logged without key material.
/// </summary>
public sealed class KeyLevelMiddleware(RequestDelegate next, KeyAuthorizer authorizer, ILogger<KeyLevelMiddleware> logger)
{
    /// <summary>Checks the key, then passes the request on.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<ApiRoute>();
        if (route is null)
        {
            return next(context);
        }

        var check = authorizer.Check(context.Request, route.Level);
        if (check == KeyCheck.Allowed)
        {
            // Handlers shape some answers by the caller's level (the full model card is for admin keys).
            CallerLevel.Set(context, route.Level == KeyLevel.Admin ? KeyLevel.Admin : authorizer.LevelOf(context.Request));
            return next(context);
        }

        ApiLog.KeyRefused(logger, context.Request.Method, context.Request.Path, check, route.Name, route.Level);
        string detail = check switch
        {
            KeyCheck.Missing => $"This route needs a {Describe(route.Level)}: send it in the {KeyAuthorizer.HeaderName} header (or the {KeyAuthorizer.QueryName} query parameter).",
            KeyCheck.Insufficient => "This route needs an admin key; a function key is not enough.",
            _ => "The key is not valid.",
        };
        return ApiProblems.Unauthorized(context.Request, detail).ExecuteAsync(context);
    }

    private static string Describe(KeyLevel level) =>
        level == KeyLevel.Admin ? "admin key" : "function key (or an admin key)";
}
