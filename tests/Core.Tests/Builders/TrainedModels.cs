using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Core.Tests.Builders;

/// <summary>
/// Two small real models (different seeds, so different predictions), trained once per test run, with canaries taken
/// as training does, so that <see cref="ForecastModel.Load"/> accepts them.
/// </summary>
public static class TrainedModels
{
    private static readonly Lazy<Trained> FirstModel = new(() => Train(seed: 1));
    private static readonly Lazy<Trained> SecondModel = new(() => Train(seed: 2));

    public static PublishRequest First(string modelName, string runId) => FirstModel.Value.Request(modelName, runId);

    public static PublishRequest Second(string modelName, string runId) => SecondModel.Value.Request(modelName, runId);

    private static Trained Train(int seed)
    {
        var rows = TrainingRowsBuilder.Generate(300, seed);
        var settings = TrainerSettings.Default(TrainerKind.FastTree) with { NumberOfTrees = 20, Seed = seed };
        var trained = ForecastTrainer.Fit(rows, settings, CancellationToken.None);
        var inputs = rows.Select(r => r.Input).ToArray();
        var quantiles = QuantileCalculator.Compute(inputs);
        using var candidate = ForecastModel.FromZip(ModelName.Default, 0, trained.ModelZip, quantiles, TimeProvider.System);
        var canaries = CanarySelector.Select(rows, candidate);
        return new Trained(trained.ModelZip.ToArray(), quantiles, canaries);
    }

    private sealed record Trained(byte[] ModelZip, FeatureQuantiles Quantiles, IReadOnlyList<CanaryRow> Canaries)
    {
        public PublishRequest Request(string modelName, string runId) =>
            new(ModelZip, new ModelCardBuilder().ForModel(modelName).WithRunId(runId).WithCanaries(Canaries).Build(), Quantiles);
    }
}
