namespace ArchiveForecast.Training.Tests.Jobs;

/// <summary>Run records and model cards hold counts, line numbers and names, never row contents or local paths.</summary>
[TestFixture]
public sealed class RunRecordContentTests
{
    private const string Secret = "SECRET7";

    private TrainingHarness harness = null!;

    [SetUp]
    public void SetUp() => harness = new TrainingHarness();

    [TearDown]
    public void TearDown() => harness.Dispose();

    [Test]
    public async Task Run_RejectedRows_AreRecordedByLineAndReasonWithoutTheirValues()
    {
        // Columns: source_id, month, total_files, avg_file_size_mb, ...; each bad row is wrong in its own way.
        string csv = TrainingHarness.CsvText(edit: (i, line) => i switch
        {
            5 => ReplaceField(line, 2, Secret),
            9 => ReplaceField(line, 2, "12.57"),
            12 => ReplaceField(line, 3, Secret + "e"),
            _ => line,
        });

        var result = await harness.TrainAsync(TrainingHarness.Bytes(csv, "data.csv"));
        var stored = await File.ReadAllTextAsync(Path.Combine(harness.Root, TrainingHarness.Model, "runs", result.Run.RunId + ".json"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.RowsRejected, Is.EqualTo(3));
            Assert.That(result.Run.Rejections, Has.Count.EqualTo(3));
            Assert.That(result.Run.Rejections!.Select(r => r[..r.IndexOf(':', StringComparison.Ordinal)]), Is.EqualTo(new[] { "line 6", "line 10", "line 13" }));
            Assert.That(stored, Does.Not.Contain(Secret).And.Not.Contain("12.57"));
            Assert.That(stored, Does.Contain("total_files is not a number").And.Contain("total_files must be a whole number"));
        });
    }

    [Test]
    public async Task Run_FromAFileByItsFullPath_RecordsTheFileNameOnly()
    {
        string folder = Path.Combine(harness.Root, "data", "private folder");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "export.csv");
        await File.WriteAllTextAsync(file, TrainingHarness.CsvText());

        var result = await harness.TrainAsync(TrainingDataInput.FromFile(file));
        var card = (await harness.Registry.LoadVersionAsync(TrainingHarness.Name, 1, CancellationToken.None)).Card;

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.Dataset, Is.EqualTo("export.csv"));
            Assert.That(card.Data.Source, Is.EqualTo("export.csv"));
        });
    }

    private static string ReplaceField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }
}
