using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ArchiveForecast.Api.Routing;

/// <summary>
/// One route of the contract and the handler that answers it. <see cref="Template"/> is relative to the <c>api</c>
/// prefix, as Azure Functions writes routes; <see cref="Path"/> is the full path the Kestrel host maps.
/// </summary>
/// <param name="Name">A stable name: the property of <see cref="ApiRoutes"/>, the Azure Functions function name and the OpenAPI operation id.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The route under <c>/api</c>, such as <c>models/{name}/predict</c>.</param>
/// <param name="Level">The key the route needs.</param>
/// <param name="Summary">One line for the OpenAPI document.</param>
/// <param name="RequestSchema">The schema of the request body, or null when the route takes none.</param>
/// <param name="Responses">The documented responses.</param>
/// <param name="Handler">The handler call (<see cref="ApiRouteHandlers.Use{THandler}"/>): a route cannot exist without one.</param>
public sealed record ApiRoute(
    string Name,
    string Method,
    string Template,
    KeyLevel Level,
    string Summary,
    string? RequestSchema,
    IReadOnlyList<ApiResponseSpec> Responses,
    ApiRouteHandler Handler)
{
    /// <summary>The prefix every route lives under.</summary>
    public const string Prefix = "/api";

    /// <summary>The full path template, such as <c>/api/models/{name}/predict</c>.</summary>
    public string Path => $"{Prefix}/{Template}";

    /// <summary>The names of the route's parameters (<c>name</c>, <c>runId</c>), in template order.</summary>
    public IReadOnlyList<string> Parameters { get; } = ParseParameters(Template);

    /// <summary>
    /// Answers <paramref name="call"/> with this route's handler. The route goes on the request's features first, so
    /// telemetry names the request after it without matching the path again.
    /// </summary>
    public Task<IResult> InvokeAsync(IServiceProvider services, ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(call);
        call.Request.HttpContext.Features.Set(this);
        return Handler(services, call);
    }

    /// <summary>
    /// The route a request is for: the one its handler was invoked for, else the Kestrel endpoint's (a request refused
    /// before its handler ran); null when no route took it.
    /// </summary>
    public static ApiRoute? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ApiRoute>()
            ?? context.Features.Get<IEndpointFeature>()?.Endpoint?.Metadata.GetMetadata<ApiRoute>();
    }

    private static string[] ParseParameters(string template) =>
        [.. template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1])];
}
