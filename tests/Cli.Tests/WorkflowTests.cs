namespace ArchiveForecast.Cli.Tests;

/// <summary>The commands one after another as an operator uses them: generate, train, versions, predict, evaluate, promote, rollback.</summary>
[TestFixture]
public sealed class WorkflowTests : CliFixture
{
    [Test]
    public async Task Workflow_GenerateTrainVersionsPredictEvaluatePromoteRollback()
    {
        string data = await Cli.GenerateAsync();

        var first = await Cli.RunOnStoreAsync("train", "--data", data);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(first.Output, Does.Contain("archive-forecast version 1: promoted").And.Contain("archived_gb_next_period").And.Contain("R²"));

        var weak = await Cli.RunOnStoreAsync("train", "--data", data, "--trainer", "fasttree", "--trees", "1", "--leaves", "2", "--json");
        Assert.That(weak.ExitCode, Is.EqualTo(3), weak.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(weak.Json.GetProperty("run").GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(weak.Json.GetProperty("run").GetProperty("promoted").GetBoolean(), Is.False);
            Assert.That(weak.Json.GetProperty("run").GetProperty("reason").GetString(), Does.Contain("kept as a candidate by the gate"));
            Assert.That(weak.Json.GetProperty("model_card").GetProperty("data").GetProperty("rows_read").GetInt32(), Is.EqualTo(600));
        });

        var versions = await Cli.RunOnStoreAsync("versions", "--json");
        Assert.That(versions.ExitCode, Is.Zero, versions.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(versions.Json.GetProperty("current").GetInt32(), Is.EqualTo(1));
            Assert.That(versions.Json.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()), Is.EqualTo(new[] { "candidate", "current" }));
        });

        string scored = Cli.PathOf("scored.csv");
        var predict = await Cli.RunOnStoreAsync("predict", "--input", data, "--out", scored);
        Assert.That(predict.ExitCode, Is.Zero, predict.ToString());
        var lines = await File.ReadAllLinesAsync(scored);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.EndWith(",archived_gb_next_period,savings_gb_next_period,out_of_range,archived_gb_next_period_lower,archived_gb_next_period_upper,savings_gb_next_period_lower,savings_gb_next_period_upper").And.StartWith("source_id,month,"));
            Assert.That(lines, Has.Length.EqualTo(601));
        });

        var evaluate = await Cli.RunOnStoreAsync("evaluate", "--data", data, "--json");
        Assert.That(evaluate.ExitCode, Is.Zero, evaluate.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(evaluate.Json.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(evaluate.Json.GetProperty("rows").GetInt32(), Is.EqualTo(600));
            Assert.That(evaluate.Json.GetProperty("metrics").GetProperty("savings_gb_next_period").GetProperty("r_squared").GetDouble(), Is.InRange(0.5, 1.0));
        });

        var promote = await Cli.RunOnStoreAsync("promote", "--version", "2");
        Assert.That(promote.ExitCode, Is.Zero, promote.ToString());
        Assert.That(promote.Output, Does.Contain("now points at version 2 (was 1)").And.Contain("next reload"));

        var rollback = await Cli.RunOnStoreAsync("rollback", "--json");
        Assert.That(rollback.ExitCode, Is.Zero, rollback.ToString());
        Assert.That(rollback.Json.GetProperty("current").GetInt32(), Is.EqualTo(1));

        var evaluateTwo = await Cli.RunOnStoreAsync("evaluate", "--data", data, "--version", "2", "--json");
        Assert.That(evaluateTwo.Json.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(2));
    }
}
