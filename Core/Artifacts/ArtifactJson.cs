using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArchiveForecast.Core.Artifacts;

/// <summary>The one JSON shape of every artifact and record: snake_case, as the contract writes it.</summary>
public static class ArtifactJson
{
    /// <summary>Serializer options for artifacts, pointers and run records.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
