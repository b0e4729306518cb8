using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.TestSupport;

/// <summary>
/// Two different real models (of the shared <see cref="TrainedModels"/>) as publish requests, with canaries recorded as
/// training records them, so that a published version loads and passes its self-check.
/// </summary>
public static class PublishableModels
{
    private static readonly Lazy<Publishable> FirstModel = new(() => Create(TrainerKind.FastTree));
    private static readonly Lazy<Publishable> SecondModel = new(() => Create(TrainerKind.FastForest));

    public static PublishRequest First(string modelName, string runId) => FirstModel.Value.Request(modelName, runId);

    public static PublishRequest Second(string modelName, string runId) => SecondModel.Value.Request(modelName, runId);

    private static Publishable Create(TrainerKind kind)
    {
        var trained = TrainedModels.Get(kind);
        var quantiles = TrainedModels.Quantiles;
        using var candidate = ForecastModel.FromZip(ModelName.Default, 0, trained.ModelZip, quantiles, TimeProvider.System);
        var canaries = CanarySelector.Select(TrainedModels.TrainingRows, candidate);
        return new Publishable(trained.ModelZip.ToArray(), quantiles, canaries, TrainerKindNames.Format(kind));
    }

    private sealed record Publishable(byte[] ModelZip, FeatureQuantiles Quantiles, IReadOnlyList<CanaryRow> Canaries, string Trainer)
    {
        public PublishRequest Request(string modelName, string runId) =>
            new(ModelZip, new ModelCardBuilder().ForModel(modelName).WithRunId(runId).WithTrainer(Trainer).WithCanaries(Canaries).Build(), Quantiles);
    }
}
