using System.Globalization;

namespace ArchiveForecast.Cli.Tests;

/// <summary><c>predict</c> writes each forecast's range beside it, at the level asked for, in CSV and in JSON.</summary>
[TestFixture]
public sealed class PredictRangesTests
{
    private CliHarness cli = null!;

    [SetUp]
    public async Task TrainAsync()
    {
        cli = new CliHarness();
        var train = await cli.RunOnStoreAsync("train", "--synthetic", "400", "--trees", "40");
        Assert.That(train.ExitCode, Is.Zero, train.ToString());
    }

    [TearDown]
    public void DisposeHarness() => cli.Dispose();

    [Test]
    public async Task Predict_Csv_WritesARangeAroundEachForecast_WiderAtAHigherLevel()
    {
        string input = await cli.GenerateAsync(rows: 20, seed: 5, name: "in.csv");

        var narrow = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("narrow.csv"), "--level", "0.5");
        var wide = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("wide.csv"), "--level", "0.95");

        var narrowRows = await ReadAsync(cli.PathOf("narrow.csv"));
        var wideRows = await ReadAsync(cli.PathOf("wide.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(narrow.ExitCode, Is.Zero, narrow.ToString());
            Assert.That(wide.Output, Does.Contain("ranges at 0.95"));
            for (int i = 0; i < narrowRows.Count; i++)
            {
                var n = narrowRows[i];
                var w = wideRows[i];
                Assert.That(n["archived_gb_next_period_lower"], Is.LessThanOrEqualTo(n["archived_gb_next_period"]));
                Assert.That(n["archived_gb_next_period_upper"], Is.GreaterThanOrEqualTo(n["archived_gb_next_period"]));
                Assert.That(n["savings_gb_next_period_lower"], Is.LessThanOrEqualTo(n["savings_gb_next_period"]));
                Assert.That(w["savings_gb_next_period_upper"] - w["savings_gb_next_period_lower"], Is.GreaterThan(n["savings_gb_next_period_upper"] - n["savings_gb_next_period_lower"]));
            }
        });
    }

    [Test]
    public async Task Predict_Json_CarriesTheIntervalsTheApiAnswers()
    {
        string input = await cli.GenerateAsync(rows: 3, seed: 5, name: "in.csv");

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.json"));

        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(cli.PathOf("out.json")));
        var intervals = json.RootElement.GetProperty("predictions")[0].GetProperty("intervals");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(intervals.GetProperty("level").GetDouble(), Is.EqualTo(0.8));
            Assert.That(intervals.GetProperty("archived_gb_next_period").GetProperty("upper").GetDouble(), Is.GreaterThan(0));
        });
    }

    [TestCase("0.7")]
    [TestCase("1")]
    public async Task Predict_AnUnsupportedLevel_ExitsTwoNamingTheLevels(string level)
    {
        string input = await cli.GenerateAsync(rows: 3, seed: 5, name: "in.csv");

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.csv"), "--level", level);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("0.5, 0.8, 0.9 or 0.95"));
        });
    }

    private static async Task<List<Dictionary<string, double>>> ReadAsync(string path)
    {
        var lines = await File.ReadAllLinesAsync(path);
        string[] header = lines[0].Split(',');
        string[] wanted = ["archived_gb_next_period", "savings_gb_next_period", "archived_gb_next_period_lower", "archived_gb_next_period_upper", "savings_gb_next_period_lower", "savings_gb_next_period_upper"];
        return [.. lines.Skip(1).Select(line =>
        {
            string[] cells = line.Split(',');
            return wanted.ToDictionary(w => w, w => double.Parse(cells[Array.IndexOf(header, w)], CultureInfo.InvariantCulture));
        })];
    }
}
