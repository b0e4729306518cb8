using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.TestSupport;

/// <summary>A model card with plausible defaults; tests change what they care about.</summary>
public sealed class ModelCardBuilder
{
    private string modelName = ModelName.Default;
    private string runId = "run-1";
    private string trainer = "fasttree";
    private double archivedMae = 1.5;
    private IReadOnlyList<CanaryRow> canaries = [];
    private DateTimeOffset createdAt = TestClock.Start;

    public ModelCardBuilder ForModel(string name)
    {
        modelName = name;
        return this;
    }

    public ModelCardBuilder WithRunId(string id)
    {
        runId = id;
        return this;
    }

    public ModelCardBuilder WithTrainer(string name)
    {
        trainer = name;
        return this;
    }

    public ModelCardBuilder WithArchivedMae(double mae)
    {
        archivedMae = mae;
        return this;
    }

    public ModelCardBuilder WithCanaries(IReadOnlyList<CanaryRow> rows)
    {
        canaries = rows;
        return this;
    }

    public ModelCardBuilder CreatedAt(DateTimeOffset at)
    {
        createdAt = at;
        return this;
    }

    public ModelCard Build() => new()
    {
        ModelName = modelName,
        RunId = runId,
        CreatedAt = createdAt,
        Trainer = trainer,
        Parameters = new Dictionary<string, string> { ["trainer"] = trainer, ["number_of_trees"] = "20" },
        FeatureVersion = FeatureSchema.Version,
        FeatureNames = FeatureSchema.Names,
        Metrics = new ModelMetrics(new RegressionMetrics(archivedMae, archivedMae * 2, 0.9), new RegressionMetrics(0.5, 0.8, 0.85)),
        Data = new DataFingerprint("synthetic", new string('a', 64), 200, 0, 160, 40),
        Timings = new TrainingTimings(1, 2, 3),
        Canaries = canaries,
    };
}
