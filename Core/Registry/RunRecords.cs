using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// The run records of the registry: <c>{model}/runs/{run_id}.json</c> per model, and the same record in the store-level
/// index <c>_runs/{run_id}.json</c> so that a run is found by its id alone.
/// </summary>
/// <param name="store">The store holding the registry tree.</param>
/// <param name="timeProvider">The clock of the index's completion marker.</param>
/// <param name="log">The registry's logger.</param>
/// <param name="listModels">The models of the store, whose earlier records the index takes in once.</param>
internal sealed class RunRecords(IArtifactStore store, TimeProvider timeProvider, ILogger log, Func<CancellationToken, Task<IReadOnlyList<string>>> listModels)
{
    /// <summary>
    /// Writes (or overwrites) a run record at <c>{model}/runs/{run_id}.json</c>, and the same record in the store-level
    /// index <c>_runs/{run_id}.json</c>, so that a run is found by its id with one read.
    /// </summary>
    /// <exception cref="ArgumentException">The model name or run id is invalid.</exception>
    public async Task SaveAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        _ = ModelName.Parse(run.ModelName);
        _ = RunId.Parse(run.RunId);
        var content = JsonSerializer.SerializeToUtf8Bytes(run, ArtifactJson.Options);
        await store.WriteAsync(RegistryPaths.Run(run.ModelName, run.RunId), content, WritePrecondition.None, cancellationToken);
        await store.WriteAsync(RegistryPaths.RunIndex(run.RunId), content, WritePrecondition.None, cancellationToken);
        CoreLog.RunSaved(log, run.ModelName, run.RunId, run.Status.ToString());
    }

    /// <summary>Reads a run record of a model, or null.</summary>
    /// <exception cref="InvalidDataException">The record exists but is not valid.</exception>
    public async Task<RunRecord?> GetAsync(ModelName modelName, RunId runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentNullException.ThrowIfNull(runId);
        return await ReadRunAsync(RegistryPaths.Run(modelName, runId), cancellationToken);
    }

    /// <summary>
    /// Finds a run record by id in any model, or null: one read of the store-level index. Run records written before the
    /// index existed are copied into it once, the first time an id is not found there; after that a miss costs two reads.
    /// </summary>
    public async Task<RunRecord?> FindAsync(RunId runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        if (await ReadRunAsync(RegistryPaths.RunIndex(runId), cancellationToken) is { } indexed)
        {
            return indexed;
        }

        if (await store.GetETagAsync(RegistryPaths.RunIndexComplete, cancellationToken) is not null)
        {
            return null;
        }

        await IndexEarlierRunsAsync(cancellationToken);
        return await ReadRunAsync(RegistryPaths.RunIndex(runId), cancellationToken);
    }

    private async Task IndexEarlierRunsAsync(CancellationToken cancellationToken)
    {
        int copied = 0;
        foreach (var modelName in await listModels(cancellationToken))
        {
            await foreach (var path in store.ListAsync(RegistryPaths.RunsPrefix(modelName), cancellationToken))
            {
                string fileName = path[RegistryPaths.RunsPrefix(modelName).Length..];
                if (!fileName.EndsWith(".json", StringComparison.Ordinal) || !RunId.IsValid(fileName[..^".json".Length]))
                {
                    continue;
                }

                string runId = fileName[..^".json".Length];
                if (await store.GetETagAsync(RegistryPaths.RunIndex(runId), cancellationToken) is not null
                    || await store.ReadAsync(path, ModelRegistry.MaxJsonBytes, cancellationToken) is not { } stored)
                {
                    continue;
                }

                await store.WriteAsync(RegistryPaths.RunIndex(runId), stored.Content, WritePrecondition.CreateOnly, cancellationToken);
                copied++;
            }
        }

        await store.WriteAsync(
            RegistryPaths.RunIndexComplete,
            JsonSerializer.SerializeToUtf8Bytes(new RunIndexState(timeProvider.GetUtcNow(), copied), ArtifactJson.Options),
            WritePrecondition.None,
            cancellationToken);
        CoreLog.RunIndexBuilt(log, copied);
    }

    private async Task<RunRecord?> ReadRunAsync(string path, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(path, ModelRegistry.MaxJsonBytes, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunRecord>(stored.Content.Span, ArtifactJson.Options)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid run record: {ex.Message}", ex);
        }
    }
}
