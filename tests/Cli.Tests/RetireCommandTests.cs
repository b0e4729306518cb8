namespace ArchiveForecast.Cli.Tests;

/// <summary><c>retire --model NAME</c> marks a model made by mistake unused; the default model is never retired.</summary>
[TestFixture]
public sealed class RetireCommandTests : CliFixture
{
    [Test]
    public async Task Retire_AModel_MakesItUnknownToPredict_UntilTrainingPublishesAgain()
    {
        string data = await Cli.GenerateAsync(rows: 300);
        string input = await Cli.GenerateAsync(rows: 3, seed: 9, name: "in.csv");
        Assert.That((await Cli.RunOnStoreAsync("train", "--data", data, "--model", "archive-forcast", "--trees", "20")).ExitCode, Is.Zero);

        var retire = await Cli.RunOnStoreAsync("retire", "--model", "archive-forcast", "--json");
        var predictRetired = await Cli.RunOnStoreAsync("predict", "--model", "archive-forcast", "--input", input, "--out", Cli.PathOf("out.csv"));
        var again = await Cli.RunOnStoreAsync("retire", "--model", "archive-forcast");
        var retrain = await Cli.RunOnStoreAsync("train", "--data", data, "--model", "archive-forcast", "--trees", "20");
        var predictRevived = await Cli.RunOnStoreAsync("predict", "--model", "archive-forcast", "--input", input, "--out", Cli.PathOf("out.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(retire.ExitCode, Is.Zero, retire.ToString());
            Assert.That(retire.Json.GetProperty("retired").GetBoolean(), Is.True);
            Assert.That(predictRetired.ExitCode, Is.EqualTo(2), "a retired model does not score");
            Assert.That(predictRetired.Error, Does.Contain("retired"));
            Assert.That(again.ExitCode, Is.EqualTo(2), again.ToString());
            Assert.That(retrain.ExitCode, Is.Zero.Or.EqualTo(3), retrain.ToString());
            Assert.That(predictRevived.ExitCode, Is.Zero, predictRevived.ToString());
        });
    }

    [Test]
    public async Task Retire_TheDefaultModel_ExitsTwo()
    {
        var result = await Cli.RunOnStoreAsync("retire", "--model", "archive-forecast");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("default model"));
        });
    }
}
