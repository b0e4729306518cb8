namespace ArchiveForecast.Cli.Tests;

/// <summary>What every command shares: usage errors exit 2 with a message (a JSON document with <c>--json</c>), help lists the commands, a missing store is named.</summary>
[TestFixture]
public sealed class UsageTests : CliFixture
{
    [TestCase("versions")]
    [TestCase("rollback")]
    [TestCase("promote", "--version", "1")]
    public async Task ReadCommand_StoreFolderMissing_ExitsTwoNamingIt(params string[] command)
    {
        string missing = Cli.PathOf("modles");

        var result = await CliHarness.RunAsync([.. command, "--store", missing, "--json"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--store").And.Contain(missing).And.Contain("does not exist"));
            Assert.That(result.Json.GetProperty("error").GetProperty("exit_code").GetInt32(), Is.EqualTo(2));
            Assert.That(Directory.Exists(missing), Is.False, "a read command creates nothing");
        });
    }

    [Test]
    public async Task Option_NotANumber_SaysWhatIsWantedWithoutDotNetTypeNames()
    {
        var result = await CliHarness.RunAsync("generate", "--rows", "abc", "--out", Cli.PathOf("x.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--rows: 'abc' is not a whole number.").And.Not.Contain("System.Int32"));
        });
    }

    [TestCase("frobnicate")]
    [TestCase("generate", "--rows", "10")]
    [TestCase("generate", "--rows", "zero", "--out", "x.csv")]
    [TestCase("train")]
    [TestCase("train", "--data", "a.csv", "--synthetic", "10")]
    [TestCase("train", "--synthetic", "100", "--trainer", "xgboost")]
    [TestCase("train", "--synthetic", "100", "--promote", "sometimes")]
    [TestCase("compare", "--synthetic", "100", "--folds", "1")]
    [TestCase("promote")]
    [TestCase("promote", "--version", "0")]
    [TestCase("predict", "--input", "x.csv")]
    public async Task BadUsage_ExitsTwoWithAMessage(params string[] args)
    {
        var result = await CliHarness.RunAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.StartWith("error: "));
            Assert.That(result.Output, Is.Empty);
        });
    }

    [Test]
    public async Task BadUsage_WithJson_PrintsAnErrorDocument()
    {
        var result = await CliHarness.RunAsync("generate", "--rows", "10", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Json.GetProperty("error").GetProperty("message").GetString(), Does.Contain("--out"));
        });
    }

    [TestCase("../x")]
    [TestCase("Archive")]
    public async Task InvalidModelName_ExitsTwo(string model)
    {
        var result = await Cli.RunOnStoreAsync("versions", "--model", model);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }

    [Test]
    public async Task Help_ExitsZeroAndListsEveryCommand()
    {
        var result = await CliHarness.RunAsync("--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Output, Does.Contain("generate").And.Contain("train").And.Contain("evaluate").And.Contain("compare")
                .And.Contain("versions").And.Contain("promote").And.Contain("rollback").And.Contain("predict"));
        });
    }
}
