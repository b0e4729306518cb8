using ArchiveForecast.Training.Data;

namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>Builds a <see cref="FunctionsApp"/>: settings as the app reads them, and a seeded synthetic dataset.</summary>
internal sealed class FunctionsAppBuilder
{
    public const string Dataset = "archive.csv";
    public const int DatasetSeed = 20260301;

    private readonly Dictionary<string, string?> settings = new(StringComparer.OrdinalIgnoreCase);
    public const int DatasetRows = 360;

    public FunctionsAppBuilder WithSetting(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    public FunctionsAppBuilder WithoutDefaultDataset() => WithSetting("Training:DefaultDataset", null);

    public async Task<FunctionsApp> StartAsync()
    {
        string root = Directory.CreateTempSubdirectory("httpforecast-tests-").FullName;
        string models = Directory.CreateDirectory(Path.Combine(root, "models")).FullName;
        string trainingData = Directory.CreateDirectory(Path.Combine(root, "training-data")).FullName;
        await WriteDatasetAsync(Path.Combine(trainingData, Dataset));

        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ModelStore:Path"] = models,
            ["ModelStore:ReloadInterval"] = "00:00:00",
            ["TrainingData:Path"] = trainingData,
            ["Training:DefaultDataset"] = Dataset,
            ["Training:NumberOfTrees"] = "20",
            ["Retraining:Schedule"] = "0 0 3 1 * *",
            ["RetrainQueue:QueueName"] = "retrain-requests",

            // Shadow tests count comparisons; the default lowest OS priority, which a loaded test machine may starve
            // for seconds, has its own tests (ShadowWorkerTests in Core.Tests).
            ["Release:ShadowPriority"] = "Normal",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return await FunctionsApp.StartAsync(root, all);
    }

    private static async Task WriteDatasetAsync(string path)
    {
        await using var file = File.Create(path);
        await TrainingDataCsvWriter.WriteAsync(SyntheticDataGenerator.Generate(DatasetRows, DatasetSeed), file, CancellationToken.None);
    }
}
