namespace ArchiveForecast.Cli.Tests;

/// <summary><c>train</c>: fits on a file or generated rows, records the card, refuses bad rows and options.</summary>
[TestFixture]
public sealed class TrainCommandTests : CliFixture
{
    [Test]
    public async Task Train_DefaultTrainerOn600Rows_PrintsTheModelCardSummary()
    {
        string data = await Cli.GenerateAsync();

        var result = await Cli.RunOnStoreAsync("train", "--data", data);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Does.Contain("version 1: promoted"));
            Assert.That(result.Output, Does.Contain("600 rows read, 0 rejected, 480 train / 120 holdout"));
            Assert.That(result.Output, Does.Contain("no version is served yet"));
            Assert.That(result.Error, Does.Contain("[fitting]"), "progress goes to stderr");
        });
    }

    [Test]
    public async Task Train_Synthetic_NeedsNoFile()
    {
        var result = await Cli.RunOnStoreAsync(["train", "--synthetic", "300", "--promote", "never", "--json", .. CliHarness.FastTraining]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Json.GetProperty("run").GetProperty("dataset").GetString(), Is.EqualTo("synthetic (300 rows, seed 42)"));
            Assert.That(result.Json.GetProperty("run").GetProperty("promoted").GetBoolean(), Is.False);
            Assert.That(result.Error, Does.Not.Contain("[fitting]"), "no progress display with --json");
        });
    }

    [Test]
    public async Task Train_TooManyBadRows_ExitsTwoWithTheLines()
    {
        string data = await Cli.GenerateAsync(rows: 200);
        var lines = await File.ReadAllLinesAsync(data);
        for (int i = 1; i < lines.Length; i += 4)
        {
            lines[i] = lines[i].Replace(",20", ",x20", StringComparison.Ordinal);
        }

        await File.WriteAllLinesAsync(data, lines);

        var result = await Cli.RunOnStoreAsync(["train", "--data", data, .. CliHarness.FastTraining]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("50 of 200 rows were rejected").And.Contain("line 2:").And.Contain("line 6:"));
        });
    }

    [Test]
    public async Task Train_StoreFolderMissing_CreatesItAndSaysSo()
    {
        var result = await Cli.RunOnStoreAsync(["train", "--synthetic", "300", .. CliHarness.FastTraining]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Error, Does.Contain($"created the model store folder {Cli.Store}"));
            Assert.That(Directory.Exists(Path.Combine(Cli.Store, "archive-forecast", "versions")), Is.True);
        });
    }

    [Test]
    public async Task Train_SyntheticWithSources_UsesThemAndRecordsThem()
    {
        var result = await Cli.RunOnStoreAsync(["train", "--synthetic", "300", "--sources", "5", "--json", .. CliHarness.FastTraining]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Json.GetProperty("run").GetProperty("dataset").GetString(), Is.EqualTo("synthetic (300 rows, seed 42, 5 sources)"));
        });
    }

    [Test]
    public async Task MissingDataFile_ExitsTwo()
    {
        var result = await Cli.RunOnStoreAsync("train", "--data", Cli.PathOf("none.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("none.csv does not exist"));
        });
    }

    [Test]
    public async Task LearningRateWithFastForest_ExitsTwo()
    {
        var result = await Cli.RunOnStoreAsync("train", "--synthetic", "100", "--trainer", "fastforest", "--learning-rate", "0.1");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }
}
