using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// Loads a version and verifies it against its manifest: the manifest names this model and version and lists the
/// required files, every listed file exists with the recorded size and SHA-256, and nothing else is in the folder.
/// </summary>
/// <param name="store">The store holding the registry tree.</param>
/// <param name="log">The registry's logger.</param>
internal sealed class VersionVerifier(IArtifactStore store, ILogger log)
{
    private const int HashPrefixShown = 12;

    private static readonly string[] RequiredFiles = [ArtifactFiles.Model, ArtifactFiles.ModelCard, ArtifactFiles.FeatureQuantiles];

    /// <summary>Reads a version and verifies every file against its manifest.</summary>
    /// <remarks>
    /// The manifest must exist (else the version does not exist or is incomplete), be valid, name this model and
    /// version, and list model.zip, model_card.json and feature_quantiles.json. Every file it lists must exist with
    /// the recorded size and SHA-256, and the card and quantiles must parse. Files are read no larger than the manifest
    /// records, and never above <paramref name="maxArtifactBytes"/>.
    /// </remarks>
    /// <exception cref="ArtifactVerificationException">A file is missing, too large, or differs from the manifest; the message names the file and why.</exception>
    public async Task<VerifiedVersion> LoadAsync(string modelName, int version, long maxArtifactBytes, CancellationToken cancellationToken)
    {
        var manifest = await ReadManifestAsync(modelName, version, cancellationToken);
        await CheckNoUnexpectedFilesAsync(modelName, version, manifest, cancellationToken);
        var contents = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var (fileName, entry) in manifest.Files)
        {
            contents[fileName] = await ReadVerifiedAsync(modelName, version, fileName, entry, maxArtifactBytes, cancellationToken);
        }

        var card = ParseVerified<ModelCard>(modelName, version, ArtifactFiles.ModelCard, contents[ArtifactFiles.ModelCard]);
        var quantiles = ParseVerified<FeatureQuantiles>(modelName, version, ArtifactFiles.FeatureQuantiles, contents[ArtifactFiles.FeatureQuantiles]);
        if (quantiles.Features is null)
        {
            throw Failure(modelName, version, ArtifactFiles.FeatureQuantiles, "has no features");
        }

        return new VerifiedVersion(manifest, card, quantiles, contents[ArtifactFiles.Model]);
    }

    private static string Short(string hash) => hash.Length <= HashPrefixShown ? hash : string.Concat(hash.AsSpan(0, HashPrefixShown), "…");

    private static bool IsPlainFileName(string fileName) =>
        FolderArtifactStore.IsValidPath(fileName) && !fileName.Contains('/', StringComparison.Ordinal);

    private async Task<Manifest> ReadManifestAsync(string modelName, int version, CancellationToken cancellationToken)
    {
        const string File = ArtifactFiles.Manifest;
        StoredObject? stored;
        try
        {
            stored = await store.ReadAsync(RegistryPaths.VersionFile(modelName, version, File), ModelRegistry.MaxJsonBytes, cancellationToken);
        }
        catch (ArtifactTooLargeException)
        {
            throw Failure(modelName, version, File, string.Create(CultureInfo.InvariantCulture, $"is larger than {ModelRegistry.MaxJsonBytes} bytes"));
        }

        if (stored is null)
        {
            throw Failure(modelName, version, File, "is missing: the version does not exist or its publish did not finish");
        }

        var manifest = ParseVerified<Manifest>(modelName, version, File, stored.Content);
        if (!string.Equals(manifest.SchemaVersion, Manifest.CurrentSchemaVersion, StringComparison.Ordinal))
        {
            throw Failure(modelName, version, File, $"has schema version '{manifest.SchemaVersion}'; this build reads '{Manifest.CurrentSchemaVersion}'");
        }

        if (!string.Equals(manifest.ModelName, modelName, StringComparison.Ordinal) || manifest.Version != version)
        {
            throw Failure(modelName, version, File, string.Create(CultureInfo.InvariantCulture, $"describes '{manifest.ModelName}' version {manifest.Version}"));
        }

        if (manifest.Files is null)
        {
            throw Failure(modelName, version, File, "lists no files");
        }

        foreach (var required in RequiredFiles)
        {
            if (!manifest.Files.ContainsKey(required))
            {
                throw Failure(modelName, version, File, $"does not list {required}");
            }
        }

        foreach (var (fileName, entry) in manifest.Files)
        {
            if (!IsPlainFileName(fileName) || fileName == File)
            {
                throw Failure(modelName, version, File, "lists a file name that is not a plain file of the version folder");
            }

            if (entry is null || entry.Sha256 is null || entry.Bytes < 0)
            {
                throw Failure(modelName, version, File, $"has no valid sha256 and size for {fileName}");
            }
        }

        return manifest;
    }

    // A version folder holds exactly the files its manifest lists (and the manifest): anything else was not published by
    // this registry, so the version is refused rather than served beside files nobody verified.
    private async Task CheckNoUnexpectedFilesAsync(string modelName, int version, Manifest manifest, CancellationToken cancellationToken)
    {
        string prefix = RegistryPaths.VersionFile(modelName, version, string.Empty);
        await foreach (var path in store.ListAsync(prefix, cancellationToken))
        {
            string fileName = path[prefix.Length..];
            if (fileName != ArtifactFiles.Manifest && !manifest.Files.ContainsKey(fileName))
            {
                throw Failure(modelName, version, fileName, "is in the version folder but not in its manifest; a version holds only the files its manifest lists");
            }
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadVerifiedAsync(string modelName, int version, string fileName, ManifestEntry entry, long maxArtifactBytes, CancellationToken cancellationToken)
    {
        if (entry.Bytes > maxArtifactBytes)
        {
            throw Failure(modelName, version, fileName,
                string.Create(CultureInfo.InvariantCulture, $"is {entry.Bytes} bytes per the manifest, above the limit of {maxArtifactBytes} bytes (ModelStore:maxArtifactBytes)"));
        }

        StoredObject? stored;
        try
        {
            // Never read more than the manifest records: a file that grew is refused without holding all of it.
            stored = await store.ReadAsync(RegistryPaths.VersionFile(modelName, version, fileName), entry.Bytes, cancellationToken);
        }
        catch (ArtifactTooLargeException)
        {
            throw Failure(modelName, version, fileName, string.Create(CultureInfo.InvariantCulture, $"is larger than the {entry.Bytes} bytes the manifest records"));
        }

        if (stored is null)
        {
            throw Failure(modelName, version, fileName, "is missing");
        }

        if (stored.Content.Length != entry.Bytes)
        {
            throw Failure(modelName, version, fileName,
                string.Create(CultureInfo.InvariantCulture, $"size mismatch: manifest {entry.Bytes} bytes, file {stored.Content.Length} bytes (truncated)"));
        }

        var actual = Sha256Hex(stored.Content.Span);
        if (!string.Equals(actual, entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Failure(modelName, version, fileName, $"sha256 mismatch: manifest {Short(entry.Sha256.ToLowerInvariant())}, file {Short(actual)}");
        }

        return stored.Content;
    }

    private T ParseVerified<T>(string modelName, int version, string fileName, ReadOnlyMemory<byte> content)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(content.Span, ArtifactJson.Options) ?? throw Failure(modelName, version, fileName, "is empty (null)");
        }
        catch (JsonException ex)
        {
            throw Failure(modelName, version, fileName, $"is not valid JSON for its kind: {ex.Message}");
        }
    }

    private ArtifactVerificationException Failure(string modelName, int version, string fileName, string reason)
    {
        CoreLog.VerificationFailed(log, modelName, version, fileName, reason);
        return new ArtifactVerificationException(modelName, version, fileName, reason);
    }
    public static string Sha256Hex(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return Convert.ToHexStringLower(hash);
    }
}
