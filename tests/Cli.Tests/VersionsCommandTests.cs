namespace ArchiveForecast.Cli.Tests;

/// <summary><c>versions</c>: lists the published versions with the holdout each figure comes from.</summary>
[TestFixture]
public sealed class VersionsCommandTests : CliFixture
{
    [Test]
    public async Task Versions_TrainedOnDifferentData_SaysPerRowWhichHoldoutEachFigureComesFrom()
    {
        await Cli.RunOnStoreAsync(["train", "--synthetic", "300", "--seed", "1", .. CliHarness.FastTraining]);
        await Cli.RunOnStoreAsync(["train", "--synthetic", "120", "--seed", "2", "--promote", "never", .. CliHarness.FastTraining]);

        var table = await Cli.RunOnStoreAsync("versions");
        var json = await Cli.RunOnStoreAsync("versions", "--json");

        var holdouts = json.Json.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("metrics_holdout")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(table.ExitCode, Is.Zero, table.ToString());
            Assert.That(table.Output, Does.Contain("#2: 60 rows of synthetic (300 rows, seed 1)"));
            Assert.That(table.Output, Does.Contain("#1: 24 rows of synthetic (120 rows, seed 2)"));
            Assert.That(table.Output, Does.Contain("compare figures only between versions with the"));
            Assert.That(holdouts.Select(h => h.GetProperty("rows").GetInt32()), Is.EqualTo(new[] { 24, 60 }));
            Assert.That(holdouts[0].GetProperty("data_sha256").GetString(), Is.Not.EqualTo(holdouts[1].GetProperty("data_sha256").GetString()));
        });
    }

    [Test]
    public async Task Versions_EmptyStore_SaysSo()
    {
        Directory.CreateDirectory(Cli.Store);

        var result = await Cli.RunOnStoreAsync("versions", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Json.GetProperty("versions").GetArrayLength(), Is.Zero);
            Assert.That(result.Json.TryGetProperty("current", out _), Is.False);
        });
    }
}
