namespace ArchiveForecast.Cli.Tests;

/// <summary><c>release start|status|stop</c> write the release into the model's pointer as the HTTP API does.</summary>
[TestFixture]
public sealed class ReleaseCommandTests
{
    private CliHarness cli = null!;

    [SetUp]
    public void CreateHarness() => cli = new CliHarness();

    [TearDown]
    public void DisposeHarness() => cli.Dispose();

    [Test]
    public async Task StartStatusStop_WriteAndClearTheReleaseInThePointer_WithJson()
    {
        Assert.That((await cli.RunOnStoreAsync("train", "--synthetic", "300", "--trees", "10", "--promote", "force")).ExitCode, Is.Zero);
        Assert.That((await cli.RunOnStoreAsync("train", "--synthetic", "300", "--seed", "7", "--trees", "10", "--promote", "never")).ExitCode, Is.Zero.Or.EqualTo(3));

        var none = await cli.RunOnStoreAsync("release", "status", "--json");
        var same = await cli.RunOnStoreAsync("release", "start", "--version", "1", "--fraction", "0.05");
        var badFraction = await cli.RunOnStoreAsync("release", "start", "--version", "2", "--fraction", "1.5");
        var start = await cli.RunOnStoreAsync("release", "start", "--version", "2", "--fraction", "0.05", "--shadow", "--json");
        var status = await cli.RunOnStoreAsync("release", "status", "--json");
        string pointerDuring = File.ReadAllText(Path.Combine(cli.Store, "archive-forecast", "current.json"));
        var stop = await cli.RunOnStoreAsync("release", "stop", "--json");
        var stopAgain = await cli.RunOnStoreAsync("release", "stop");
        string pointerAfter = File.ReadAllText(Path.Combine(cli.Store, "archive-forecast", "current.json"));

        Assert.Multiple(() =>
        {
            Assert.That(none.ExitCode, Is.Zero, none.ToString());
            Assert.That(none.Json.GetProperty("served_version").GetInt32(), Is.EqualTo(1));
            Assert.That(same.ExitCode, Is.EqualTo(2), same.ToString());
            Assert.That(badFraction.ExitCode, Is.EqualTo(2), badFraction.ToString());
            Assert.That(start.ExitCode, Is.Zero, start.ToString());
            Assert.That(start.Json.GetProperty("status").GetString(), Is.EqualTo("started"));
            Assert.That(status.Json.GetProperty("release").GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(status.Json.GetProperty("release").GetProperty("mode").GetString(), Is.EqualTo("shadow"));
            Assert.That(status.Json.GetProperty("release").GetProperty("fraction").GetDouble(), Is.EqualTo(0.05));
            Assert.That(pointerDuring, Does.Contain("\"release\""));
            Assert.That(stop.ExitCode, Is.Zero, stop.ToString());
            Assert.That(stop.Json.GetProperty("status").GetString(), Is.EqualTo("stopped"));
            Assert.That(stopAgain.ExitCode, Is.EqualTo(2), stopAgain.ToString());
            Assert.That(pointerAfter, Does.Not.Contain("\"release\""));
            Assert.That(Directory.GetFiles(Path.Combine(cli.Store, "archive-forecast", "releases"), "*.json"), Has.Length.EqualTo(1));
        });
    }
}
