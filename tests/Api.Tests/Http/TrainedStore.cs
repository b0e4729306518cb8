using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.DependencyInjection;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.DependencyInjection;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// A model store trained once per test run with the real training pipeline, copied into a fresh folder for each
/// server so that fixtures cannot see each other's promotes. Default model: version 1 and 2 promoted in turn (2 is
/// current, 1 previous), version 3 a candidate. A second model has one version. The training-data folder holds one
/// dataset for retraining.
/// </summary>
internal static class TrainedStore
{
    public const string DefaultModel = "archive-forecast";
    public const string SecondModel = "second-model";
    public const string Dataset = "synthetic/archive.csv";
    public const int CurrentVersion = 2;
    public const int PreviousVersion = 1;
    public const int CandidateVersion = 3;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? template;

    /// <summary>Small trees on a few hundred rows: a real model, trained in seconds.</summary>
    public static TrainerSettings Settings { get; } =
        TrainerSettings.Default(TrainerKind.FastTree) with { NumberOfTrees = 10, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5 };

    public static IReadOnlyList<TrainingExample> Rows(int seed) => [.. SyntheticDataGenerator.Generate(360, seed)];

    /// <summary>A fresh copy of the trained store: <c>{root}/models</c> and <c>{root}/training-data</c>.</summary>
    public static async Task<string> CopyAsync(CancellationToken cancellationToken)
    {
        string source = await TemplateAsync(cancellationToken);
        string root = TempFolder.CreateForRun();
        CopyDirectory(source, root);
        return root;
    }

    private static async Task<string> TemplateAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return template ??= await TrainAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> TrainAsync(CancellationToken cancellationToken)
    {
        string root = TempFolder.CreateForRun();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelStore:Path"] = Path.Combine(root, "models"),
            ["TrainingData:Path"] = Path.Combine(root, "training-data"),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddArchiveForecastCore(configuration, HostProfile.Command);
        services.AddArchiveForecastTraining(configuration, HostProfile.Command);
        await using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<TrainingRunner>();

        await TrainOneAsync(runner, DefaultModel, seed: 1, PromotePolicy.Force, cancellationToken);
        await TrainOneAsync(runner, DefaultModel, seed: 2, PromotePolicy.Force, cancellationToken);
        await TrainOneAsync(runner, DefaultModel, seed: 3, PromotePolicy.Never, cancellationToken);
        await TrainOneAsync(runner, SecondModel, seed: 4, PromotePolicy.Force, cancellationToken);

        string dataset = Path.Combine(root, "training-data", Dataset);
        Directory.CreateDirectory(Path.GetDirectoryName(dataset)!);
        await using (var stream = File.Create(dataset))
        {
            await TrainingDataCsvWriter.WriteAsync(Rows(5), stream, cancellationToken);
        }

        return root;
    }

    private static async Task TrainOneAsync(TrainingRunner runner, string model, int seed, PromotePolicy promote, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            new TrainingRun
            {
                ModelName = ModelName.Parse(model),
                Data = TrainingDataInput.FromRows($"synthetic seed {seed}", Rows(seed)),
                Trainer = Settings with { Seed = seed },
                Promote = promote,
            },
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Training the test store failed: {result.Run.Reason}");
        }
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (string directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        }

        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
        }
    }
}
