namespace ArchiveForecast.Cli.Tests;

/// <summary><c>compare</c>: cross-validates the trainers on the same folds.</summary>
[TestFixture]
[Category("Slow")]
public sealed class CompareCommandTests : CliFixture
{
    [Test]
    public async Task Compare_SmallData_PrintsBothEvaluations()
    {
        string data = await Cli.GenerateAsync(rows: 240, seed: 4);

        var result = await CliHarness.RunAsync("compare", "--data", data, "--folds", "3", "--trainer", "lightgbm", "--trainer", "fasttree", "--trees", "20", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var evaluations = result.Json.GetProperty("evaluations").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(evaluations.Select(e => e.GetProperty("kind").GetString()), Is.EqualTo(new[] { "kfold", "grouped_by_source" }));
            Assert.That(evaluations[0].GetProperty("trainers").EnumerateArray().Select(t => t.GetProperty("trainer").GetString()), Is.EqualTo(new[] { "lightgbm", "fasttree" }));
            Assert.That(evaluations[0].GetProperty("trainers")[0].GetProperty("archived_gb_next_period").GetProperty("mae").GetProperty("mean").GetDouble(), Is.GreaterThan(0));
        });
    }
}
