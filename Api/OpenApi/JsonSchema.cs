using System.Text.Json.Nodes;

namespace ArchiveForecast.Api.OpenApi;

/// <summary>The JSON Schema 2020-12 pieces the OpenAPI document is built from: types, bounds, objects and references.</summary>
internal static class JsonSchema
{
    public static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    public static JsonObject String() => new() { ["type"] = "string" };

    public static JsonObject Object(JsonObject properties, params string[] required)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        return schema;
    }

    public static JsonObject Closed(JsonObject properties, params string[] required)
    {
        var schema = Object(properties, required);
        schema["additionalProperties"] = false;
        return schema;
    }

    public static JsonObject Integer(long? minimum = null)
    {
        var schema = new JsonObject { ["type"] = "integer" };
        if (minimum is { } min)
        {
            schema["minimum"] = min;
        }

        return schema;
    }

    public static JsonObject Number(double? minimum = null, double? maximum = null)
    {
        var schema = new JsonObject { ["type"] = "number" };
        if (minimum is { } min)
        {
            schema["minimum"] = min;
        }

        if (maximum is { } max)
        {
            schema["maximum"] = max;
        }

        return schema;
    }

    public static JsonObject Boolean() => new() { ["type"] = "boolean" };

    public static JsonObject DateTime() => new() { ["type"] = "string", ["format"] = "date-time" };

    public static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };

    public static JsonObject Enum(params string[] values) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) };

    public static JsonObject ArrayOf(JsonObject items) => new() { ["type"] = "array", ["items"] = items };
}
