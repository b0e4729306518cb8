using System.Text;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Telemetry;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Training.Tests.Builders;

/// <summary>A registry on a temporary folder and a runner over it, with small, fast trainer settings.</summary>
internal sealed class TrainingHarness : IDisposable
{
    public const string Model = "archive-forecast";

    public static readonly ModelName Name = ModelName.Parse(Model);

    public TrainingHarness()
    {
        Root = Directory.CreateTempSubdirectory("af-training-").FullName;
        Registry = new ModelRegistry(new FolderArtifactStore(Root, TimeProvider.System), TimeProvider.System);
    }

    /// <summary>A small LightGBM: good enough to beat <see cref="Weak"/> clearly, fast enough for a unit test.</summary>
    public static TrainerSettings Fast { get; } = TrainerSettings.Default(TrainerKind.LightGbm) with { NumberOfTrees = 60, MinimumExampleCountPerLeaf = 5 };

    /// <summary>One tree of two leaves: a model the gate must refuse after <see cref="Fast"/>.</summary>
    public static TrainerSettings Weak { get; } = TrainerSettings.Default(TrainerKind.FastTree) with { NumberOfTrees = 1, NumberOfLeaves = 2 };

    public string Root { get; }

    public ModelRegistry Registry { get; }

    public TrainingOptions Options { get; } = new();

    public TrainingRunner Runner(ArchiveForecastTelemetry? telemetry = null) =>
        new(Registry, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<TrainingRunner>.Instance, telemetry);

    public static TrainingRun Request(TrainingDataInput data, TrainerSettings? trainer = null, PromotePolicy promote = PromotePolicy.Auto) =>
        new() { ModelName = ModelName.Parse(Model), Data = data, Trainer = trainer ?? Fast, Promote = promote };

    public Task<TrainingResult> TrainAsync(TrainingDataInput data, TrainerSettings? trainer = null, PromotePolicy promote = PromotePolicy.Auto) =>
        Runner().RunAsync(Request(data, trainer, promote), CancellationToken.None);

    /// <summary>Generated rows as a CSV stream, with <paramref name="edit"/> applied to each data line (1-based data row index).</summary>
    public static TrainingDataInput Csv(int rows = 600, int seed = 1, Func<int, string, string>? edit = null) =>
        Bytes(CsvText(rows, seed, edit), $"generated-{rows}-{seed}.csv");

    public static string CsvText(int rows = 600, int seed = 1, Func<int, string, string>? edit = null)
    {
        var text = new StringBuilder(TrainingDataCsvWriter.Header).Append('\n');
        var line = new StringBuilder();
        int index = 0;
        foreach (var row in SyntheticDataGenerator.Generate(rows, seed))
        {
            line.Clear();
            TrainingDataCsvWriter.AppendRow(line, row);
            index++;
            text.Append(edit is null ? line.ToString() : edit(index, line.ToString())).Append('\n');
        }

        return text.ToString();
    }

    public static TrainingDataInput Bytes(string csv, string name) =>
        TrainingDataInput.FromStream(name, _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(csv))));

    public async Task<IReadOnlyList<VersionSummary>> VersionsAsync() => await Registry.ListVersionsAsync(ModelName.Parse(Model), CancellationToken.None);

    public async Task<int?> ServedVersionAsync() => (await Registry.GetPointerAsync(ModelName.Parse(Model), CancellationToken.None))?.Value.Version;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A lease file still held by a run that a test left behind; the folder is a temporary one.
        }
    }
}
