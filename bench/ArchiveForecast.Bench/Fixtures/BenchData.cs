using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Bench.Fixtures;

/// <summary>The generated rows every benchmark uses: training rows with one seed, scoring inputs with another.</summary>
public static class BenchData
{
    /// <summary>The seed of the training rows (the CLI's default).</summary>
    public const int TrainingSeed = 42;

    /// <summary>Rows the model never saw, so scoring walks realistic paths through the trees.</summary>
    public const int ScoringSeed = 7;

    /// <summary>Generated labelled rows.</summary>
    public static TrainingExample[] TrainingRows(int count) => [.. SyntheticDataGenerator.Generate(count, TrainingSeed)];

    /// <summary>Generated inputs for scoring.</summary>
    public static ForecastInput[] ScoringInputs(int count) =>
        [.. SyntheticDataGenerator.Generate(count, ScoringSeed).Select(row => row.Input)];
}
