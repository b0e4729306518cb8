namespace ArchiveForecast.Cli.Tests;

/// <summary><c>generate</c>: writes synthetic training data, the same for the same seed.</summary>
[TestFixture]
public sealed class GenerateCommandTests : CliFixture
{
    [Test]
    public async Task Generate_SameSeed_WritesTheSameFile()
    {
        string first = await Cli.GenerateAsync(rows: 100, seed: 9, name: "a.csv");
        string second = await Cli.GenerateAsync(rows: 100, seed: 9, name: "b.csv");

        Assert.That(await File.ReadAllBytesAsync(second), Is.EqualTo(await File.ReadAllBytesAsync(first)));
    }

    [Test]
    public async Task Generate_IntoAFolderThatDoesNotExistYet_CreatesIt()
    {
        string target = Path.Combine(Cli.PathOf("data"), "nested", "train.csv");

        var result = await CliHarness.RunAsync("generate", "--rows", "40", "--out", target);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(File.ReadLines(target).Count(), Is.EqualTo(41), "a header and 40 rows");
        });
    }

    [Test]
    public async Task Generate_Json_PrintsOneDocument()
    {
        var result = await CliHarness.RunAsync("generate", "--rows", "72", "--seed", "3", "--sources", "4", "--out", Cli.PathOf("g.csv"), "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Json.GetProperty("rows").GetInt32(), Is.EqualTo(72));
            Assert.That(result.Json.GetProperty("sources").GetInt32(), Is.EqualTo(4));
            Assert.That(result.Json.GetProperty("seed").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Generate_MoreSourcesThanRows_ExitsTwoInsteadOfMakingFewer()
    {
        var result = await CliHarness.RunAsync("generate", "--rows", "10", "--sources", "50", "--out", Cli.PathOf("x.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--sources 50 is more than --rows 10"));
            Assert.That(File.Exists(Cli.PathOf("x.csv")), Is.False);
        });
    }
}
