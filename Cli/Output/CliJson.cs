using System.Text.Encodings.Web;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Cli.Output;

/// <summary>The JSON of the command line's stdout: the artifacts' snake_case shape, with text left readable (no \u escapes of quotes or ²).</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(ArtifactJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);
}
