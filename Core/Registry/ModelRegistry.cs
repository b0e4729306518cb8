using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// The versioned model registry over an <see cref="IArtifactStore"/>, in the layout of docs/ARCHITECTURE.md.
/// Versions are integers claimed exclusively (create-only writes) and never rewritten; the served version is the
/// <c>current.json</c> pointer, replaced only by compare-and-swap.
/// </summary>
/// <remarks>
/// Model names and run ids arrive as <see cref="ModelName"/> and <see cref="RunId"/>, parsed where the request entered, so
/// no unchecked caller input reaches a store path. Failures of the store itself (unreachable, denied) surface as the
/// store's exceptions.
/// </remarks>
public sealed class ModelRegistry
{
    /// <summary>How many version numbers a publish tries past the highest it saw before it gives up.</summary>
    public const int MaxPublishAttempts = 64;

    /// <summary>The longest actor recorded in the pointer; longer ones are cut.</summary>
    public const int MaxActorLength = 200;

    /// <summary>The longest reason recorded in the pointer; longer ones are cut.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The largest JSON document the registry reads (pointer, manifest, card, quantiles, run record).</summary>
    public const long MaxJsonBytes = 16L * 1024 * 1024;

    /// <summary>How long the training lock survives a holder that died without releasing it.</summary>
    public static readonly TimeSpan TrainingLockDuration = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> MlNetVersionText = new(() =>
    {
        var informational = typeof(Microsoft.ML.MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? typeof(Microsoft.ML.MLContext).Assembly.GetName().Version?.ToString() ?? "unknown";
        int metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    });

    private readonly IArtifactStore store;
    private readonly TimeProvider timeProvider;
    private readonly ILogger log;
    private readonly ModelPointerStore pointers;
    private readonly VersionVerifier verifier;
    private readonly VersionListing listing;
    private readonly RunRecords runs;

    /// <summary>The registry over <paramref name="store"/>.</summary>
    /// <param name="store">The store holding the registry tree.</param>
    /// <param name="timeProvider">The clock of publish and pointer times.</param>
    /// <param name="logger">The logger; none when null.</param>
    public ModelRegistry(IArtifactStore store, TimeProvider timeProvider, ILogger<ModelRegistry>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.store = store;
        this.timeProvider = timeProvider;
        log = logger ?? (ILogger)NullLogger<ModelRegistry>.Instance;
        pointers = new ModelPointerStore(store, timeProvider, log);
        verifier = new VersionVerifier(store, log);
        listing = new VersionListing(store, pointers);
        runs = new RunRecords(store, timeProvider, log, ListModelsAsync);
    }

    /// <summary>The pointer reader and writer, for the release registry's compare-and-swap of the same file.</summary>
    internal ModelPointerStore Pointers => pointers;

    /// <summary>The store under the registry.</summary>
    public IArtifactStore Store => store;

    /// <summary>The largest model.zip (or other version file) that is published or loaded; <c>ModelStore:MaxArtifactBytes</c>.</summary>
    public long MaxArtifactBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The ML.NET version this build writes into manifests.</summary>
    public static string MlNetVersion => MlNetVersionText.Value;

    /// <summary>The names of the models in the store.</summary>
    public async Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var path in store.ListAsync(string.Empty, cancellationToken))
        {
            int slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && path[..slash] is var name && ModelName.IsValid(name))
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    /// <summary>True when the store holds a pointer or any version of <paramref name="modelName"/> and the name is not retired.</summary>
        public async Task<bool> ModelExistsAsync(ModelName modelName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        if (await IsRetiredAsync(modelName, cancellationToken))
        {
            return false;
        }

        if (await store.GetETagAsync(RegistryPaths.Pointer(modelName), cancellationToken) is not null)
        {
            return true;
        }

        await foreach (var path in store.ListAsync(RegistryPaths.VersionsPrefix(modelName), cancellationToken))
        {
            if (RegistryPaths.TryParseVersionFile(modelName, path, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="modelName"/> is marked retired.</summary>
    public async Task<bool> IsRetiredAsync(ModelName modelName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        return (await VersionListing.TryReadJsonAsync<ModelRetirement>(store, RegistryPaths.Retirement(modelName), cancellationToken))?.Retired == true;
    }

    /// <summary>
    /// Retires <paramref name="modelName"/> (<paramref name="retire"/> true) or revives it: a retired name answers as
    /// unknown; nothing of it is deleted. False when the model does not exist (or is already retired, when retiring).
    /// </summary>
    public async Task<bool> SetRetiredAsync(ModelName modelName, bool retire, string actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        if (retire && !await ModelExistsAsync(modelName, cancellationToken))
        {
            return false;
        }

        var marker = new ModelRetirement(retire, timeProvider.GetUtcNow(), actor, reason);
        await store.WriteAsync(RegistryPaths.Retirement(modelName), JsonSerializer.SerializeToUtf8Bytes(marker, ArtifactJson.Options), WritePrecondition.None, cancellationToken);
        return true;
    }

    /// <summary>Publishes a new immutable version (model.zip, card, quantiles, then the manifest last) and returns its manifest.</summary>
    /// <remarks>
    /// The version number is claimed by creating its model.zip with a create-only write, so concurrent publishers each
    /// get their own number. A publish that stops halfway leaves a version without a manifest: incomplete, never served.
    /// </remarks>
    /// <exception cref="ArgumentException">model.zip is empty or too large, or the card names another model or an invalid run id.</exception>
    /// <exception cref="InvalidOperationException">No version number could be claimed in <see cref="MaxPublishAttempts"/> tries.</exception>
    public async Task<Manifest> PublishAsync(ModelName modelName, PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Card);
        ArgumentNullException.ThrowIfNull(request.Quantiles);
        if (request.ModelZip.IsEmpty)
        {
            throw new ArgumentException("model.zip is empty.", nameof(request));
        }

        if (request.ModelZip.Length > MaxArtifactBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"model.zip is {request.ModelZip.Length} bytes, above the limit of {MaxArtifactBytes} bytes that loading allows."),
                nameof(request));
        }

        if (!string.Equals(request.Card.ModelName, modelName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The model card names model '{request.Card.ModelName}', not '{modelName}'.", nameof(request));
        }

        _ = RunId.Parse(request.Card.RunId);
        byte[] card = JsonSerializer.SerializeToUtf8Bytes(request.Card, ArtifactJson.Options);
        byte[] quantiles = JsonSerializer.SerializeToUtf8Bytes(request.Quantiles, ArtifactJson.Options);

        int candidate = await HighestVersionAsync(modelName, cancellationToken) + 1;
        int version = 0;
        for (int attempt = 0; attempt < MaxPublishAttempts; attempt++, candidate++)
        {
            var path = RegistryPaths.VersionFile(modelName, candidate, ArtifactFiles.Model);
            if (await store.WriteAsync(path, request.ModelZip, WritePrecondition.CreateOnly, cancellationToken) is not null)
            {
                version = candidate;
                break;
            }

            CoreLog.VersionNumberTaken(log, modelName, candidate);
        }

        if (version == 0)
        {
            throw new InvalidOperationException(
                $"Could not claim a version number of '{modelName}' in {MaxPublishAttempts} attempts: too many concurrent publishers.");
        }

        await CreateVersionFileAsync(modelName, version, ArtifactFiles.ModelCard, card, cancellationToken);
        await CreateVersionFileAsync(modelName, version, ArtifactFiles.FeatureQuantiles, quantiles, cancellationToken);
        var manifest = new Manifest
        {
            SchemaVersion = Manifest.CurrentSchemaVersion,
            ModelName = modelName,
            Version = version,
            MlNetVersion = MlNetVersion,
            CreatedAt = timeProvider.GetUtcNow(),
            RunId = request.Card.RunId,
            Files = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal)
            {
                [ArtifactFiles.Model] = EntryOf(request.ModelZip.Span),
                [ArtifactFiles.ModelCard] = EntryOf(card),
                [ArtifactFiles.FeatureQuantiles] = EntryOf(quantiles),
            },
        };

        // Written last: its presence is what makes the version complete.
        await CreateVersionFileAsync(modelName, version, ArtifactFiles.Manifest, JsonSerializer.SerializeToUtf8Bytes(manifest, ArtifactJson.Options), cancellationToken);
        if (await IsRetiredAsync(modelName, cancellationToken))
        {
            await SetRetiredAsync(modelName, retire: false, "publish", string.Create(CultureInfo.InvariantCulture, $"version {version} was published"), cancellationToken);
        }
        CoreLog.VersionPublished(log, modelName, version, manifest.RunId, request.ModelZip.Length);
        return manifest;
    }

    /// <summary>The pointer with its ETag, or null when no version was ever promoted.</summary>
    /// <exception cref="InvalidDataException">current.json exists but is not a valid pointer.</exception>
    public async Task<PointerState?> GetPointerAsync(ModelName modelName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        var (pointer, etag, problem) = await pointers.ReadAsync(modelName, cancellationToken);
        if (problem is not null)
        {
            throw new InvalidDataException(problem);
        }

        return pointer is null ? null : new PointerState(pointer, etag!);
    }

    /// <summary>Points <c>current.json</c> at <paramref name="version"/>; with <paramref name="expectedETag"/> only if the pointer is still at that ETag.</summary>
    /// <remarks>
    /// Without <paramref name="expectedETag"/> the pointer is still replaced by compare-and-swap on the ETag just read,
    /// so of two racing promotes exactly one changes it and the other gets <see cref="PointerChangeStatus.Conflict"/>.
    /// The previous version becomes the one the pointer named before. A pointer that cannot be parsed is replaced.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is below 1.</exception>
    public async Task<PointerChangeResult> PromoteAsync(ModelName modelName, int version, string? expectedETag, string actor, string reason, CancellationToken cancellationToken)
    {
        const string Change = "Promote";
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!await IsCompleteAsync(modelName, version, cancellationToken))
        {
            CoreLog.PointerChangeRefused(log, Change, modelName, version, nameof(PointerChangeStatus.VersionNotFound));
            return new PointerChangeResult(PointerChangeStatus.VersionNotFound, null, VersionMissing(modelName, version));
        }

        var (current, etag, _) = await pointers.ReadAsync(modelName, cancellationToken);
        if (expectedETag is not null && !string.Equals(expectedETag, etag, StringComparison.Ordinal))
        {
            CoreLog.PointerPreconditionFailed(log, Change, modelName, version);
            return ModelPointerStore.Conflict(modelName);
        }

        IReadOnlyList<int> history = current is null ? []
            : current.Version == version ? current.RollbackPath()
            : [.. new[] { current.Version }.Concat(current.RollbackPath()).Where(v => v != version).Take(ModelPointer.MaxHistory)];
        return await pointers.WriteAsync(Change, modelName, version, history, etag, actor, reason, cancellationToken);
    }

    /// <summary>Points <c>current.json</c> back at its previous version (compare-and-swap on the pointer just read).</summary>
    /// <remarks>
    /// Rollbacks walk back through the promotion history (N → the version before → the one before that), never
    /// forward: the version rolled back from leaves the history, so a second rollback goes further back rather than
    /// undoing the first. Promoting is the way forward again.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    public async Task<PointerChangeResult> RollbackAsync(ModelName modelName, string actor, string reason, CancellationToken cancellationToken)
    {
        const string Change = "Rollback";
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var (current, etag, problem) = await pointers.ReadAsync(modelName, cancellationToken);
        var path = current?.RollbackPath() ?? [];
        if (current is null || path.Count == 0)
        {
            var detail = problem ?? (current is null
                ? $"No version of '{modelName}' has been promoted, so there is nothing to roll back to."
                : string.Create(CultureInfo.InvariantCulture, $"'{modelName}' version {current.Version} has no previous version to roll back to."));
            CoreLog.PointerChangeRefused(log, Change, modelName, current?.Version, nameof(PointerChangeStatus.NoPreviousVersion));
            return new PointerChangeResult(PointerChangeStatus.NoPreviousVersion, null, detail);
        }

        int previous = path[0];
        if (!await IsCompleteAsync(modelName, previous, cancellationToken))
        {
            CoreLog.PointerChangeRefused(log, Change, modelName, previous, nameof(PointerChangeStatus.VersionNotFound));
            return new PointerChangeResult(PointerChangeStatus.VersionNotFound, null, VersionMissing(modelName, previous));
        }

        return await pointers.WriteAsync(Change, modelName, previous, [.. path.Skip(1)], etag, actor, reason, cancellationToken);
    }

    /// <summary>Every version of a model, newest first; an unknown model has none.</summary>
    /// <remarks>Metrics, trainer and run id come from each version's model card and manifest, when they can be read.</remarks>
        public Task<IReadOnlyList<VersionSummary>> ListVersionsAsync(ModelName modelName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        return listing.ListAsync(modelName, cancellationToken);
    }

    /// <summary>Reads a version and verifies every file against its manifest (see <see cref="VersionVerifier"/>).</summary>
    /// <remarks>
    /// The manifest must exist (else the version does not exist or is incomplete), be valid, name this model and
    /// version, and list model.zip, model_card.json and feature_quantiles.json. Every file it lists must exist with
    /// the recorded size and SHA-256, and the card and quantiles must parse. Files are read no larger than the manifest
    /// records, and never above <see cref="MaxArtifactBytes"/>.
    /// </remarks>
    /// <exception cref="ArtifactVerificationException">A file is missing, too large, or differs from the manifest; the message names the file and why.</exception>
    public Task<VerifiedVersion> LoadVersionAsync(ModelName modelName, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return verifier.LoadAsync(modelName, version, MaxArtifactBytes, cancellationToken);
    }

    /// <summary>
    /// Writes (or overwrites) a run record at <c>{model}/runs/{run_id}.json</c>, and the same record in the store-level
    /// index <c>_runs/{run_id}.json</c>, so that a run is found by its id with one read.
    /// </summary>
    /// <exception cref="ArgumentException">The record's model name or run id is invalid.</exception>
    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken) => runs.SaveAsync(run, cancellationToken);

    /// <summary>Reads a run record of a model, or null.</summary>
    /// <exception cref="InvalidDataException">The record exists but is not valid.</exception>
    public Task<RunRecord?> GetRunAsync(ModelName modelName, RunId runId, CancellationToken cancellationToken) =>
        runs.GetAsync(modelName, runId, cancellationToken);

    /// <summary>
    /// Finds a run record by id in any model, or null: one read of the store-level index. Run records written before the
    /// index existed are copied into it once, the first time an id is not found there; after that a miss costs two reads.
    /// </summary>
    /// <exception cref="InvalidDataException">The record exists but is not valid.</exception>
    public Task<RunRecord?> FindRunAsync(RunId runId, CancellationToken cancellationToken) => runs.FindAsync(runId, cancellationToken);

    /// <summary>
    /// Takes the single-flight training lock of a model (a lease at <c>{model}/training.lock</c>, renewed while held),
    /// or returns null when a training holds it. Dispose the result to release it.
    /// </summary>
    public Task<IAsyncDisposable?> TryAcquireTrainingLockAsync(ModelName modelName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        return store.TryAcquireLeaseAsync(RegistryPaths.TrainingLock(modelName), TrainingLockDuration, cancellationToken);
    }

    private static ManifestEntry EntryOf(ReadOnlySpan<byte> content) => new(VersionVerifier.Sha256Hex(content), content.Length);

    private static string VersionMissing(string modelName, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"'{modelName}' version {version} does not exist or its publish did not finish (no manifest).");

    private async Task<int> HighestVersionAsync(string modelName, CancellationToken cancellationToken)
    {
        int highest = 0;
        await foreach (var path in store.ListAsync(RegistryPaths.VersionsPrefix(modelName), cancellationToken))
        {
            if (RegistryPaths.TryParseVersionFile(modelName, path, out int version, out _))
            {
                highest = Math.Max(highest, version);
            }
        }

        return highest;
    }

    private async Task CreateVersionFileAsync(string modelName, int version, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var path = RegistryPaths.VersionFile(modelName, version, fileName);
        if (await store.WriteAsync(path, content, WritePrecondition.CreateOnly, cancellationToken) is null)
        {
            // Only this publisher claimed the version, so another writer in its folder means the store was tampered with.
            throw new IOException($"{path} already exists in {store.Location}; version folders are never rewritten.");
        }
    }

    private async Task<bool> IsCompleteAsync(string modelName, int version, CancellationToken cancellationToken) =>
        await store.GetETagAsync(RegistryPaths.VersionFile(modelName, version, ArtifactFiles.Manifest), cancellationToken) is not null;

}
