using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Tests.Contract;

/// <summary>One row of the HTTP API table of the API contract (design/api-contract.md), route relative to <c>/api</c>.</summary>
public sealed record ContractRoute(string Method, string Template, AuthorizationLevel Level, bool ChangesState)
{
    /// <summary>The contract's table, transcribed: a route added to or removed from the contract must be added or removed here.</summary>
    public static IReadOnlyList<ContractRoute> All { get; } =
    [
        new("POST", "predict", AuthorizationLevel.Function, ChangesState: false),
        new("POST", "models/{name}/predict", AuthorizationLevel.Function, ChangesState: false),
        new("GET", "health", AuthorizationLevel.Anonymous, ChangesState: false),
        new("GET", "model/info", AuthorizationLevel.Function, ChangesState: false),
        new("GET", "models/{name}", AuthorizationLevel.Function, ChangesState: false),
        new("GET", "models/{name}/versions", AuthorizationLevel.Function, ChangesState: false),
        new("POST", "model/reload", AuthorizationLevel.Admin, ChangesState: true),
        new("POST", "models/{name}/promote", AuthorizationLevel.Admin, ChangesState: true),
        new("POST", "models/{name}/rollback", AuthorizationLevel.Admin, ChangesState: true),
        new("GET", "models/{name}/release", AuthorizationLevel.Function, ChangesState: false),
        new("POST", "models/{name}/release", AuthorizationLevel.Admin, ChangesState: true),
        new("DELETE", "models/{name}/release", AuthorizationLevel.Admin, ChangesState: true),
        new("POST", "models/{name}/retire", AuthorizationLevel.Admin, ChangesState: true),
        new("POST", "retrain", AuthorizationLevel.Admin, ChangesState: true),
        new("GET", "runs/{runId}", AuthorizationLevel.Function, ChangesState: false),
        new("GET", "openapi.json", AuthorizationLevel.Anonymous, ChangesState: false),
        new("GET", "ui", AuthorizationLevel.Anonymous, ChangesState: false),
    ];

    /// <summary>The method and the template with parameter names blanked: how the host matches a request to a route.</summary>
    public string Key => RouteKey(Method, Template);

    public static string RouteKey(string method, string template) =>
        $"{method.ToUpperInvariant()} {string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? "{}" : s))}";
}
