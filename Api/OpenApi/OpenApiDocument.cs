using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchiveForecast.Api.Handlers;
using ArchiveForecast.Api.Routing;
using ArchiveForecast.Api.Security;
using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Api.OpenApi;

/// <summary>The OpenAPI 3.1 document of the API, built from <see cref="ApiRoutes"/> so it cannot drift from the routes.</summary>
public static class OpenApiDocument
{
    /// <summary>The security scheme of the key header.</summary>
    public const string HeaderScheme = "function_key_header";

    /// <summary>The security scheme of the key query parameter.</summary>
    public const string QueryScheme = "function_key_query";

    /// <summary>The extension that names a route's key level (<c>anonymous</c>, <c>function</c>, <c>admin</c>).</summary>
    public const string KeyLevelExtension = "x-key-level";

    private static readonly Lazy<string> CachedJson = new(() => Build(ApiRoutes.All).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>The document of every route, as JSON.</summary>
    public static string Json => CachedJson.Value;

    /// <summary>Builds the document of <paramref name="routes"/>.</summary>
    public static JsonObject Build(IReadOnlyList<ApiRoute> routes)
    {
        var paths = new JsonObject();
        foreach (var route in routes)
        {
            if (paths[route.Path] is not JsonObject item)
            {
                item = [];
                paths[route.Path] = item;
            }

            item[route.Method.ToLowerInvariant()] = Operation(route);
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "ArchiveForecast API",
                ["version"] = "1",
                ["description"] =
                    "Forecasts of GB archived and GB saved next period. Keys go in the x-functions-key header (or the code " +
                    "query parameter); an admin key also opens function-level routes. Errors are RFC 9457 problem details.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = OpenApiSchemas.All(),
                ["securitySchemes"] = new JsonObject
                {
                    [HeaderScheme] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = KeyAuthorizer.HeaderName },
                    [QueryScheme] = new JsonObject { ["type"] = "apiKey", ["in"] = "query", ["name"] = KeyAuthorizer.QueryName },
                },
            },
        };
    }

    private static JsonObject Operation(ApiRoute route)
    {
        string level = route.Level.ToString().ToLowerInvariant();
        var operation = new JsonObject
        {
            ["operationId"] = route.Name,
            ["summary"] = route.Summary,
            ["description"] = route.Level == KeyLevel.Anonymous ? "No key needed." : $"Needs a {level} key.",
            [KeyLevelExtension] = level,
            ["security"] = route.Level == KeyLevel.Anonymous
                ? new JsonArray()
                : new JsonArray(new JsonObject { [HeaderScheme] = new JsonArray() }, new JsonObject { [QueryScheme] = new JsonArray() }),
        };

        var parameters = new JsonArray();
        foreach (string parameter in route.Parameters)
        {
            parameters.Add(new JsonObject { ["name"] = parameter, ["in"] = "path", ["required"] = true, ["schema"] = JsonSchema.String() });
        }

        if (route == ApiRoutes.Predict || route == ApiRoutes.PredictModel)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = PredictHandler.ExplainParameter,
                ["in"] = "query",
                ["required"] = false,
                ["description"] = "Adds each prediction's per-feature contributions.",
                ["schema"] = new JsonObject { ["type"] = "boolean", ["default"] = false },
            });
            parameters.Add(new JsonObject
            {
                ["name"] = PredictHandler.LevelParameter,
                ["in"] = "query",
                ["required"] = false,
                ["description"] = "The level of the forecast ranges: the share of actual values a range is calibrated to hold. Another value is 422.",
                ["schema"] = new JsonObject
                {
                    ["type"] = "number",
                    ["enum"] = new JsonArray([.. IntervalCalibration.SupportedLevels.Select(l => (JsonNode)JsonValue.Create(l))]),
                    ["default"] = IntervalCalibration.DefaultLevel,
                },
            });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (route.RequestSchema is { } requestSchema)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = JsonSchema.Ref(requestSchema) } },
            };
        }

        var responses = new JsonObject();
        foreach (var response in route.Responses)
        {
            var entry = new JsonObject { ["description"] = response.Description };
            var media = new JsonObject();
            if (response.Schema is { } schema)
            {
                media["schema"] = JsonSchema.Ref(schema);
            }

            entry["content"] = new JsonObject { [response.ContentType] = media };
            if (response.Status == 503)
            {
                entry["headers"] = new JsonObject
                {
                    ["Retry-After"] = new JsonObject { ["description"] = "Seconds to wait before retrying.", ["schema"] = new JsonObject { ["type"] = "integer" } },
                };
            }

            responses[response.Status.ToString(CultureInfo.InvariantCulture)] = entry;
        }

        operation["responses"] = responses;
        return operation;
    }
}
