using System.Text.Json;
using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Core.Registry;

/// <summary>The versions of a model as a listing shows them: status, metrics and provenance from each card and manifest.</summary>
/// <param name="store">The store holding the registry tree.</param>
/// <param name="pointers">The pointer, which marks the current and previous versions.</param>
internal sealed class VersionListing(IArtifactStore store, ModelPointerStore pointers)
{
    /// <summary>Every version of a model, newest first; an unknown model has none.</summary>
    /// <remarks>Metrics, trainer and run id come from each version's model card and manifest, when they can be read.</remarks>
    public async Task<IReadOnlyList<VersionSummary>> ListAsync(string modelName, CancellationToken cancellationToken)
    {
        var files = new Dictionary<int, HashSet<string>>();
        await foreach (var path in store.ListAsync(RegistryPaths.VersionsPrefix(modelName), cancellationToken))
        {
            if (RegistryPaths.TryParseVersionFile(modelName, path, out int version, out string fileName))
            {
                if (!files.TryGetValue(version, out var names))
                {
                    files[version] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.Add(fileName);
            }
        }

        var (pointer, _, _) = await pointers.ReadAsync(modelName, cancellationToken);
        var versions = files.Keys.OrderDescending().ToArray();
        var summaries = new VersionSummary[versions.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, versions.Length),
            new ParallelOptions { MaxDegreeOfParallelism = ListingConcurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                int version = versions[i];
                var names = files[version];
                bool complete = names.Contains(ArtifactFiles.Manifest);
                var manifest = complete ? await TryReadJsonAsync<Manifest>(store, RegistryPaths.VersionFile(modelName, version, ArtifactFiles.Manifest), token) : null;
                var card = names.Contains(ArtifactFiles.ModelCard)
                    ? await TryReadJsonAsync<ModelCard>(store, RegistryPaths.VersionFile(modelName, version, ArtifactFiles.ModelCard), token)
                    : null;
                var status = !complete ? VersionStatus.Incomplete
                    : pointer?.Version == version ? VersionStatus.Current
                    : VersionStatus.Candidate;
                summaries[i] = new VersionSummary(
                    version,
                    status,
                    pointer?.PreviousVersion == version,
                    manifest?.CreatedAt ?? card?.CreatedAt,
                    manifest?.RunId ?? card?.RunId,
                    card?.Trainer,
                    card?.Metrics,
                    card?.Data is { } data ? new MetricsHoldout(data.Source, data.Sha256, data.RowsHoldout) : null);
            });
        return summaries;
    }

    /// <summary>A small JSON file of the registry, or null when it is missing, too large or not valid JSON for its kind.</summary>
    public static async Task<T?> TryReadJsonAsync<T>(IArtifactStore store, string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var stored = await store.ReadAsync(path, ModelRegistry.MaxJsonBytes, cancellationToken);
            return stored is null ? null : JsonSerializer.Deserialize<T>(stored.Content.Span, ArtifactJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or ArtifactTooLargeException)
        {
            // A listing shows what it can; loading the version reports exactly what is wrong with it.
            return null;
        }
    }

    private const int ListingConcurrency = 8;
}
