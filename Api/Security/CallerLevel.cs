using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.Api.Security;

/// <summary>
/// The key level the caller of a request proved, recorded by <see cref="KeyLevelMiddleware"/> on the Kestrel host. The
/// Functions host checks keys itself and does not tell the worker which key was used, so there it is unknown and
/// handlers give the function-level view.
/// </summary>
public static class CallerLevel
{
    private static readonly object ItemKey = new();

    /// <summary>Records the caller's level.</summary>
    public static void Set(HttpContext context, KeyLevel level)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ItemKey] = level;
    }

    /// <summary>True when the caller proved an admin key (or the host runs without keys).</summary>
    public static bool IsAdmin(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var level) && level is KeyLevel.Admin;
    }
}
