using System.Globalization;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// Reads and writes a model's <c>current.json</c> pointer, the one mutable file of the registry: every write is a
/// compare-and-swap on the ETag the caller read, so of two racing changes exactly one wins.
/// </summary>
/// <param name="store">The store holding the registry tree.</param>
/// <param name="timeProvider">The clock of pointer times.</param>
/// <param name="log">The registry's logger.</param>
internal sealed class ModelPointerStore(IArtifactStore store, TimeProvider timeProvider, ILogger log)
{
    /// <summary>The pointer and its ETag; a pointer that exists but cannot be parsed gives its ETag and the problem.</summary>
    public async Task<(ModelPointer? Pointer, string? ETag, string? Problem)> ReadAsync(string modelName, CancellationToken cancellationToken)
    {
        var path = RegistryPaths.Pointer(modelName);
        var stored = await store.ReadAsync(path, ModelRegistry.MaxJsonBytes, cancellationToken);
        if (stored is null)
        {
            return (null, null, null);
        }

        try
        {
            var pointer = JsonSerializer.Deserialize<ModelPointer>(stored.Content.Span, ArtifactJson.Options);
            if (pointer is not null && pointer.Version >= 1)
            {
                return (pointer, stored.ETag, null);
            }

            return (null, stored.ETag, $"{path} does not name a version.");
        }
        catch (JsonException ex)
        {
            return (null, stored.ETag, $"{path} is not a valid pointer: {ex.Message}");
        }
    }

    /// <summary>
    /// Writes the pointer by compare-and-swap: create-only when <paramref name="currentETag"/> is null, else only while
    /// the pointer is still at that ETag. A lost race is <see cref="PointerChangeStatus.Conflict"/>, never an overwrite.
    /// </summary>
    public async Task<PointerChangeResult> WriteAsync(
        string change,
        string modelName,
        int version,
        IReadOnlyList<int> history,
        string? currentETag,
        string actor,
        string reason,
        CancellationToken cancellationToken)
    {
        int? previous = history.Count > 0 ? history[0] : null;
        var pointer = new ModelPointer(
            modelName, version, previous, timeProvider.GetUtcNow(), Clip(actor, ModelRegistry.MaxActorLength), Clip(reason, ModelRegistry.MaxReasonLength), history);
        var precondition = currentETag is null ? WritePrecondition.CreateOnly : WritePrecondition.Matches(currentETag);
        var content = JsonSerializer.SerializeToUtf8Bytes(pointer, ArtifactJson.Options);
        var etag = await store.WriteAsync(RegistryPaths.Pointer(modelName), content, precondition, cancellationToken);
        if (etag is null)
        {
            CoreLog.PointerConflict(log, change, modelName, version);
            return Conflict(modelName);
        }

        CoreLog.PointerChanged(log, change, modelName, version, previous is int p ? p.ToString(CultureInfo.InvariantCulture) : "none", pointer.UpdatedBy);
        var detail = previous is null
            ? string.Create(CultureInfo.InvariantCulture, $"'{modelName}' now points at version {version}.")
            : string.Create(CultureInfo.InvariantCulture, $"'{modelName}' now points at version {version} (previous {previous}).");
        return new PointerChangeResult(PointerChangeStatus.Changed, new PointerState(pointer, etag), detail);
    }

    /// <summary>
    /// Writes <paramref name="pointer"/> as given (a release added, widened or cleared; the promotion fields unchanged)
    /// only while the pointer is still at <paramref name="currentETag"/>. The new ETag, or null when it changed meanwhile.
    /// </summary>
    public Task<string?> ReplaceAsync(string modelName, ModelPointer pointer, string currentETag, CancellationToken cancellationToken) =>
        store.WriteAsync(
            RegistryPaths.Pointer(modelName), JsonSerializer.SerializeToUtf8Bytes(pointer, ArtifactJson.Options), WritePrecondition.Matches(currentETag), cancellationToken);

    public static PointerChangeResult Conflict(string modelName) =>
        new(PointerChangeStatus.Conflict, null, $"The pointer of '{modelName}' changed meanwhile; read it again and retry.");

    private static string Clip(string? text, int max) =>
        text is null ? string.Empty : text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
