using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.Api.Routing;

/// <summary>
/// What a route's handler is called with: the request, the values of the route's parameters as the host bound them, and
/// the request's cancellation token. Kestrel fills it from the endpoint's route values, a function from its bound
/// parameters.
/// </summary>
/// <param name="Request">The request.</param>
/// <param name="CancellationToken">Cancelled when the client goes away or the host stops.</param>
public sealed record ApiCall(HttpRequest Request, CancellationToken CancellationToken)
{
    /// <summary>The route parameter that names a model, as written in templates.</summary>
    public const string NameParameter = "name";

    /// <summary>The route parameter that names a training run, as written in templates.</summary>
    public const string RunIdParameter = "runId";

    /// <summary>The <c>{name}</c> segment, or empty on a route without one.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The <c>{runId}</c> segment, or empty on a route without one.</summary>
    public string RunId { get; init; } = string.Empty;

    /// <summary>A call from a Kestrel endpoint: the route parameters come from the matched route values.</summary>
    public static ApiCall FromRouteValues(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ApiCall(context.Request, context.RequestAborted)
        {
            Name = context.Request.RouteValues[NameParameter] as string ?? string.Empty,
            RunId = context.Request.RouteValues[RunIdParameter] as string ?? string.Empty,
        };
    }
}
