namespace ArchiveForecast.Cli.Tests;

/// <summary><c>evaluate</c> reports how often a version's forecast ranges held the actual values of any labelled file.</summary>
[TestFixture]
[Category("Slow")]
public sealed class EvaluateCommandTests : CliFixture
{
    [Test]
    public async Task Evaluate_OnSourcesTheModelNeverSaw_ReportsCoverageAndWidthPerLevel()
    {
        string training = await Cli.GenerateAsync(rows: 600, seed: 1, name: "train.csv");
        string unseen = await Cli.GenerateAsync(rows: 1200, seed: 99, name: "unseen.csv");
        var train = await Cli.RunOnStoreAsync("train", "--data", training);
        Assert.That(train.ExitCode, Is.Zero, train.ToString());

        var result = await Cli.RunOnStoreAsync("evaluate", "--data", unseen, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var levels = result.Json.GetProperty("intervals").EnumerateArray()
            .Select(l => (Level: l.GetProperty("level").GetDouble(), Quality: l.GetProperty("quality")))
            .ToList();
        double Coverage(double level) => levels.Single(l => l.Level == level).Quality.GetProperty("archived_coverage").GetDouble();
        Assert.Multiple(() =>
        {
            Assert.That(levels.Select(l => l.Level), Is.EqualTo(new[] { 0.5, 0.8, 0.9, 0.95 }));
            Assert.That(Coverage(0.5), Is.LessThan(Coverage(0.8)));
            Assert.That(Coverage(0.8), Is.LessThanOrEqualTo(Coverage(0.95)));
            Assert.That(Coverage(0.95), Is.GreaterThan(0.8), "a 0.95 range holds most actual values of unseen sources");
            Assert.That(levels.Select(l => l.Quality.GetProperty("savings_mean_relative_width").GetDouble()), Is.All.GreaterThan(0));
        });
    }

    [Test]
    public async Task Evaluate_InText_PrintsTheRangeTable()
    {
        string data = await Cli.GenerateAsync(rows: 600, seed: 1);
        Assert.That((await Cli.RunOnStoreAsync("train", "--data", data)).ExitCode, Is.Zero);

        var result = await Cli.RunOnStoreAsync("evaluate", "--data", data);

        Assert.That(result.Output, Does.Contain("Forecast ranges").And.Contain("archived inside").And.Contain("0.95"));
    }

    [Test]
    public async Task Evaluate_UnknownVersion_ExitsTwo()
    {
        string data = await Cli.GenerateAsync(rows: 300);
        await Cli.RunOnStoreAsync(["train", "--data", data, .. CliHarness.FastTraining]);

        var result = await Cli.RunOnStoreAsync("evaluate", "--data", data, "--version", "9");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("has no version 9 (versions: 1)"));
        });
    }
}
