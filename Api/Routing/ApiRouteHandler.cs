using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Api.Routing;

/// <summary>Answers one route: resolves the route's handler from <paramref name="services"/> and calls it.</summary>
/// <param name="services">The services of the host (the handlers are singletons of either host's container).</param>
/// <param name="call">The request and its route values.</param>
public delegate Task<IResult> ApiRouteHandler(IServiceProvider services, ApiCall call);

/// <summary>Builds the <see cref="ApiRouteHandler"/> of a route from a typed call of its handler class.</summary>
public static class ApiRouteHandlers
{
    /// <summary>The route is answered by <typeparamref name="THandler"/>, called as <paramref name="invoke"/> says.</summary>
    public static ApiRouteHandler Use<THandler>(Func<THandler, ApiCall, Task<IResult>> invoke)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return (services, call) => invoke(services.GetRequiredService<THandler>(), call);
    }
}
