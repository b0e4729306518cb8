using System.Text.Encodings.Web;
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
        // Problem details are read by people: no \u0027 for an apostrophe or \u00B2 for R². Every response is
        // application/json (never HTML), so the relaxed encoder's unescaped <, > and & are harmless.
        var options = new JsonSerializerOptions(ArtifactJson.Options) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
