using System.Collections.Concurrent;
using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Releases;
using ArchiveForecast.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Inference;

/// <summary>The served models by name: the default model, and any named model of the registry on first use.</summary>
public sealed class ModelCatalog
{
    // Bounds the memory of the unknown-name cache under a flood of distinct names; past it the cache starts over.
    private const int MaxUnknownNames = 10_000;

    private readonly ConcurrentDictionary<string, ServedModel> models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> unknown = new(StringComparer.Ordinal);
    private readonly TimeSpan unknownFor;
    private readonly ModelRegistry registry;
    private readonly TimeProvider timeProvider;
    private readonly ILoggerFactory loggerFactory;
    private readonly ArchiveForecastTelemetry? telemetry;
    private readonly ReleaseOptions? releaseOptions;

    /// <summary>Creates the catalog with the (not yet loaded) default model of <see cref="ModelStoreOptions.ModelName"/>.</summary>
    public ModelCatalog(
        ModelRegistry registry,
        IOptions<ModelStoreOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory = null,
        ArchiveForecastTelemetry? telemetry = null,
        IOptions<ReleaseOptions>? releaseOptions = null)
    {
        this.releaseOptions = releaseOptions?.Value;
        this.telemetry = telemetry;
        this.registry = registry;
        this.timeProvider = timeProvider;
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        unknownFor = options.Value.UnknownModelCacheDuration;
        // ModelStore:ModelName is validated when the host starts.
        Default = Create(ModelName.Parse(options.Value.ModelName));
        models[Default.Name] = Default;
    }

    /// <summary>The default model (<c>ModelStore:ModelName</c>, normally <c>archive-forecast</c>).</summary>
    public ServedModel Default { get; }

    /// <summary>The served models so far.</summary>
    public IReadOnlyCollection<ServedModel> Loaded => [.. models.Values];

    /// <summary>
    /// The served model of a name, loading it on first use. Null when the registry has no such model; a model that
    /// exists but failed to load is returned with a null <see cref="ServedModel.Current"/>.
    /// </summary>
    /// <remarks>
    /// The default model is always returned (it may not be loaded yet). Concurrent first calls load once. A name found
    /// unknown is answered from memory for <see cref="ModelStoreOptions.UnknownModelCacheDuration"/>. When the store
    /// cannot be read while looking up a model that is not served yet, the store's exception (such as an
    /// <see cref="IOException"/>) propagates: the model may exist, so "not found" would be wrong.
    /// </remarks>
    public async Task<ServedModel?> GetAsync(ModelName modelName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        if (!models.TryGetValue(modelName.Value, out var served))
        {
            var now = timeProvider.GetUtcNow();
            if (unknown.TryGetValue(modelName.Value, out var until) && now < until)
            {
                return null;
            }

            if (!await registry.ModelExistsAsync(modelName, cancellationToken))
            {
                RememberUnknown(modelName.Value, now);
                return null;
            }

            unknown.TryRemove(modelName.Value, out _);
            served = models.GetOrAdd(modelName.Value, _ => Create(modelName));
        }

        await served.EnsureLoadAttemptedAsync(cancellationToken);
        return served;
    }

    /// <summary>Reloads every served model (the poller and the hosts call this). Failures stay in each model's load state.</summary>
    public async Task ReloadAllAsync(CancellationToken cancellationToken)
    {
        foreach (var served in models.Values)
        {
            await served.ReloadAsync(force: false, cancellationToken);
        }
    }

    /// <summary>
    /// Reloads <paramref name="modelName"/> now when this process serves it (has loaded it or tried to), so a promotion
    /// made in this process is served at once rather than at the next poll; null when the model is not served here.
    /// </summary>
    public async Task<ReloadResult?> RefreshIfServedAsync(ModelName modelName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        if (!models.TryGetValue(modelName.Value, out var served) || served.LoadState.LastAttemptAt is null)
        {
            return null;
        }

        return await served.ReloadAsync(force: false, cancellationToken);
    }

    /// <summary>
    /// Stops serving <paramref name="modelName"/> in this process (after it was retired): later lookups answer unknown.
    /// Requests already holding the model finish with it. The default model is never forgotten.
    /// </summary>
    public void Forget(ModelName modelName)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        if (string.Equals(modelName.Value, Default.Name, StringComparison.Ordinal))
        {
            return;
        }

        models.TryRemove(modelName.Value, out _);
        RememberUnknown(modelName.Value, timeProvider.GetUtcNow());
    }

    private void RememberUnknown(string modelName, DateTimeOffset now)
    {
        if (unknownFor <= TimeSpan.Zero)
        {
            return;
        }

        if (unknown.Count >= MaxUnknownNames)
        {
            unknown.Clear();
        }

        unknown[modelName] = now + unknownFor;
    }

    private ServedModel Create(ModelName modelName) =>
        new(modelName, registry, timeProvider, loggerFactory.CreateLogger<ServedModel>(), telemetry, releaseOptions);
}
