namespace ArchiveForecast.Cli.Tests;

/// <summary><c>promote</c>: serves a chosen version.</summary>
[TestFixture]
public sealed class PromoteCommandTests : CliFixture
{
    [Test]
    public async Task Promote_UnknownVersion_ExitsTwo()
    {
        await Cli.RunOnStoreAsync(["train", "--synthetic", "300", .. CliHarness.FastTraining]);

        var result = await Cli.RunOnStoreAsync("promote", "--version", "5", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Json.GetProperty("error").GetProperty("exit_code").GetInt32(), Is.EqualTo(2));
        });
    }
}
