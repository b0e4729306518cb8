using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// The versioned model registry over an <see cref="IArtifactStore"/>, in the layout of docs/ARCHITECTURE.md.
/// Versions are integers claimed exclusively (create-only writes) and never rewritten; the served version is the
/// <c>current.json</c> pointer, replaced only by compare-and-swap.
/// </summary>
// CONTRACT STUB: implemented by the registry work; signatures are what other layers code against.
public sealed class ModelRegistry(IArtifactStore store, TimeProvider timeProvider)
{
    /// <summary>The store under the registry.</summary>
    public IArtifactStore Store => store;

    internal TimeProvider Time => timeProvider;

    /// <summary>The names of the models in the store.</summary>
    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Publishes a new immutable version (model.zip, card, quantiles, then the manifest last) and returns its manifest.</summary>
    public Task<Manifest> PublishAsync(string modelName, PublishRequest request, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>The pointer with its ETag, or null when no version was ever promoted.</summary>
    public Task<PointerState?> GetPointerAsync(string modelName, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Points <c>current.json</c> at <paramref name="version"/>; with <paramref name="expectedETag"/> only if the pointer is still at that ETag.</summary>
    public Task<PointerChangeResult> PromoteAsync(string modelName, int version, string? expectedETag, string actor, string reason, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Points <c>current.json</c> back at its previous version.</summary>
    public Task<PointerChangeResult> RollbackAsync(string modelName, string actor, string reason, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Every version of a model, newest first.</summary>
    public Task<IReadOnlyList<VersionSummary>> ListVersionsAsync(string modelName, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Reads a version and verifies every file against its manifest.</summary>
    /// <exception cref="ArtifactVerificationException">A file is missing, too large, or differs from the manifest.</exception>
    public Task<VerifiedVersion> LoadVersionAsync(string modelName, int version, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Writes (or overwrites) a run record.</summary>
    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Reads a run record of a model, or null.</summary>
    public Task<RunRecord?> GetRunAsync(string modelName, string runId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Finds a run record by id in any model, or null.</summary>
    public Task<RunRecord?> FindRunAsync(string runId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Takes the single-flight training lock of a model, or returns null when a training holds it.</summary>
    public Task<IAsyncDisposable?> TryAcquireTrainingLockAsync(string modelName, CancellationToken cancellationToken) => throw new NotImplementedException();
}
