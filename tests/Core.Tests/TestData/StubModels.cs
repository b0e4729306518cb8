using ArchiveForecast.Core.Artifacts;
using Microsoft.ML;

namespace ArchiveForecast.Core.Tests.TestData;

/// <summary>Loaded models that score a constant, built without training, for tests about what surrounds scoring.</summary>
public static class StubModels
{
    /// <summary>Training quantiles of 1, 10, 50, 90, 99 for every numeric input field.</summary>
    public static FeatureQuantiles Percentiles { get; } = Uniform(new QuantileSet(1, 10, 50, 90, 99));

    public static FeatureQuantiles Uniform(QuantileSet set) =>
        new(FieldNames.NumericInputs.ToDictionary(name => name, _ => set, StringComparer.Ordinal));

    public static ForecastModel Create(string name = "archive-forecast", int version = 1, FeatureQuantiles? quantiles = null, DateTimeOffset? loadedAt = null) =>
        Build(name, version, quantiles ?? Percentiles, loadedAt);

    public static ForecastModel WithoutQuantiles(string name = "archive-forecast", int version = 1) => Build(name, version, null, null);

    private static ForecastModel Build(string name, int version, FeatureQuantiles? quantiles, DateTimeOffset? loadedAt)
    {
        var mlContext = new MLContext(seed: 0);
        var transformer = mlContext.Transforms
            .CustomMapping<FeatureRow, ScoreRow>((_, output) => (output.ArchivedScore, output.SavingsScore) = (12f, 3f), contractName: null)
            .Fit(mlContext.Data.LoadFromEnumerable(Array.Empty<FeatureRow>()));
        var clock = new FakeTimeProvider(loadedAt ?? TestClock.Start);
        return ForecastModel.FromTransformer(name, version, mlContext, transformer, null, null, quantiles, clock);
    }

    /// <summary>An input whose every numeric field is <paramref name="value"/> (total_files rounded down).</summary>
    public static ForecastInput AllFields(double value) =>
        new(new DateOnly(2024, 3, 1), (long)value, value, value, value, value, value);

    /// <summary>Inputs whose fields take each of <paramref name="values"/> in turn.</summary>
    public static List<ForecastInput> AllFields(IEnumerable<double> values) => [.. values.Select(AllFields)];
}
