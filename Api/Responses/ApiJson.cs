using System.Text.Json;
using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Api.Responses;

/// <summary>The JSON shape of every response body: the artifacts' snake_case, written compactly.</summary>
public static class ApiJson
{
    /// <summary>Serializer options for response bodies.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary><c>application/json; charset=utf-8</c></summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary><c>application/problem+json; charset=utf-8</c></summary>
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ArtifactJson.Options) { WriteIndented = false };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
