using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Bench.Fixtures;

/// <summary>A model published as version 1 into a temporary folder store, with the card and quantiles a training writes.</summary>
public sealed class PublishedVersion : IDisposable
{
    private PublishedVersion(string folder, ModelRegistry registry, Manifest manifest)
    {
        Folder = folder;
        Registry = registry;
        Manifest = manifest;
    }

    /// <summary>The store's folder (deleted on dispose).</summary>
    public string Folder { get; }

    /// <summary>The registry over the folder.</summary>
    public ModelRegistry Registry { get; }

    /// <summary>The published version's manifest.</summary>
    public Manifest Manifest { get; }

    /// <summary>Publishes <paramref name="fixture"/>'s model.</summary>
    public static async Task<PublishedVersion> PublishAsync(BenchModel fixture, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(Path.GetTempPath(), "archive-forecast-bench-" + Guid.NewGuid().ToString("N"));
        var registry = new ModelRegistry(new FolderArtifactStore(folder, TimeProvider.System), TimeProvider.System);
        var inputs = fixture.Rows.Select(r => r.Input).ToArray();
        var metrics = MetricsCalculator.Compute([.. fixture.Rows.Select(r => r.Targets)], fixture.Model.PredictBatch(inputs));
        var card = new ModelCard
        {
            ModelName = fixture.Model.Name,
            RunId = "bench",
            CreatedAt = TimeProvider.System.GetUtcNow(),
            Trainer = TrainerKindNames.Format(fixture.Trained.Settings.Kind),
            Parameters = fixture.Trained.Settings.ToParameters(),
            FeatureVersion = FeatureSchema.Version,
            FeatureNames = FeatureSchema.Names,
            Metrics = metrics,
            Data = new DataFingerprint("generated", "none", fixture.Rows.Count, 0, fixture.Rows.Count, 0),
            Timings = new TrainingTimings(0, 0, 0),
            Canaries = CanarySelector.Select(fixture.Rows, fixture.Model),
        };
        var quantiles = fixture.Model.Quantiles ?? QuantileCalculator.Compute(inputs);
        var manifest = await registry.PublishAsync(
            ModelName.Parse(fixture.Model.Name), new PublishRequest(fixture.Trained.ModelZip, card, quantiles), cancellationToken);
        return new PublishedVersion(folder, registry, manifest);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
