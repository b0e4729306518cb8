using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.TestSupport;

/// <summary>
/// A published version as the registry would hand it over: manifest, card with canaries recorded from the model
/// itself, quantiles of the training data and the model.zip.
/// </summary>
public sealed class VerifiedVersionBuilder
{
    private string modelName = "archive-forecast";
    private int version = 3;
    private TrainerKind kind = TrainerKind.FastTree;
    private Func<ModelCard, ModelCard> editCard = card => card;

    public VerifiedVersionBuilder WithModel(string name, int version)
    {
        (modelName, this.version) = (name, version);
        return this;
    }

    public VerifiedVersionBuilder WithTrainer(TrainerKind kind)
    {
        this.kind = kind;
        return this;
    }

    public VerifiedVersionBuilder WithCard(Func<ModelCard, ModelCard> edit)
    {
        editCard = edit;
        return this;
    }

    public VerifiedVersionBuilder WithCanaryExpected(int index, Func<ForecastTargets, ForecastTargets> edit) =>
        WithCard(card =>
        {
            var canaries = card.Canaries.ToList();
            canaries[index] = canaries[index] with { Expected = edit(canaries[index].Expected) };
            return card with { Canaries = canaries };
        });

    public VerifiedVersion Build()
    {
        var trained = TrainedModels.Get(this.kind);
        var rows = TrainedModels.TrainingRows;
        var quantiles = TrainedModels.Quantiles;
        IReadOnlyList<CanaryRow> canaries;
        using (var candidate = ForecastModel.FromZip(modelName, 0, trained.ModelZip, quantiles, TimeProvider.System))
        {
            canaries = CanarySelector.Select(rows, candidate);
        }

        var holdout = new ModelMetrics(new RegressionMetrics(0.1, 0.2, 0.95), new RegressionMetrics(0.05, 0.1, 0.93));
        var card = new ModelCard
        {
            ModelName = modelName,
            RunId = "run-test",
            CreatedAt = TestClock.Start,
            Trainer = TrainerKindNames.Format(this.kind),
            Parameters = trained.Settings.ToParameters(),
            FeatureVersion = FeatureSchema.Version,
            FeatureNames = FeatureSchema.Names,
            Metrics = holdout,
            Data = new DataFingerprint("synthetic", new string('0', 64), rows.Count, 0, rows.Count, 0),
            Timings = new TrainingTimings(1, 2, 3),
            Canaries = canaries,
        };
        var manifest = new Manifest
        {
            SchemaVersion = Manifest.CurrentSchemaVersion,
            ModelName = modelName,
            Version = this.version,
            MlNetVersion = "5.0.1",
            CreatedAt = TestClock.Start,
            RunId = "run-test",
            Files = new Dictionary<string, ManifestEntry>(),
        };
        return new VerifiedVersion(manifest, editCard(card), quantiles, trained.ModelZip);
    }
}
