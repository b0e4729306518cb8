namespace ArchiveForecast.Core.Artifacts;

/// <summary>The manifest of a version: every other file with its SHA-256 and size, and where the version came from.</summary>
public sealed record Manifest
{
    /// <summary>The manifest format; bumped when the layout of a version changes.</summary>
    public const string CurrentSchemaVersion = "1";

    /// <summary>The manifest format of this file.</summary>
    public required string SchemaVersion { get; init; }
    /// <summary>The model name.</summary>
    public required string ModelName { get; init; }
    /// <summary>The version number.</summary>
    public required int Version { get; init; }
    /// <summary>The ML.NET version that wrote model.zip.</summary>
    public required string MlNetVersion { get; init; }
    /// <summary>When the version was published.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The training run that produced the version.</summary>
    public required string RunId { get; init; }
    /// <summary>The files of the version (every file but the manifest), by name.</summary>
    public required IReadOnlyDictionary<string, ManifestEntry> Files { get; init; }
}

/// <summary>One file of a version.</summary>
public sealed record ManifestEntry(string Sha256, long Bytes);
