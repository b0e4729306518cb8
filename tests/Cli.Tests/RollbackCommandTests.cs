namespace ArchiveForecast.Cli.Tests;

/// <summary><c>rollback</c>: serves the version before the current one.</summary>
[TestFixture]
public sealed class RollbackCommandTests : CliFixture
{
    [Test]
    public async Task Rollback_NothingToRollBackTo_ExitsTwo()
    {
        await Cli.RunOnStoreAsync(["train", "--synthetic", "300", .. CliHarness.FastTraining]);

        var result = await Cli.RunOnStoreAsync("rollback");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }
}
