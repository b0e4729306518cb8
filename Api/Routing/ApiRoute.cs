namespace ArchiveForecast.Api.Routing;

/// <summary>
/// One route of the contract. <see cref="Template"/> is relative to the <c>api</c> prefix, as Azure Functions writes
/// routes; <see cref="Path"/> is the full path the Kestrel host maps.
/// </summary>
/// <param name="Name">A stable name, also the Azure Functions function name.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The route under <c>/api</c>, such as <c>models/{name}/predict</c>.</param>
/// <param name="Level">The key the route needs.</param>
/// <param name="Summary">One line for the OpenAPI document.</param>
/// <param name="RequestSchema">The schema of the request body, or null when the route takes none.</param>
/// <param name="Responses">The documented responses.</param>
public sealed record ApiRoute(
    string Name,
    string Method,
    string Template,
    KeyLevel Level,
    string Summary,
    string? RequestSchema,
    IReadOnlyList<ApiResponseSpec> Responses)
{
    /// <summary>The prefix every route lives under.</summary>
    public const string Prefix = "/api";

    /// <summary>The full path template, such as <c>/api/models/{name}/predict</c>.</summary>
    public string Path => $"{Prefix}/{Template}";

    /// <summary>The names of the route's parameters (<c>name</c>, <c>run_id</c>), in template order.</summary>
    public IReadOnlyList<string> Parameters { get; } = ParseParameters(Template);

    private static string[] ParseParameters(string template) =>
        [.. template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1])];
}
