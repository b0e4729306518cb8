using System.Text.Json;

namespace ArchiveForecast.Cli.Tests;

[TestFixture]
public sealed class CommandLineTests
{
    private static readonly string[] Fast = ["--trainer", "lightgbm", "--trees", "40"];
    private CliHarness cli = null!;

    [SetUp]
    public void SetUp() => cli = new CliHarness();

    [TearDown]
    public void TearDown() => cli.Dispose();

    [Test]
    public async Task Workflow_GenerateTrainVersionsPredictEvaluatePromoteRollback()
    {
        string data = await cli.GenerateAsync();

        var first = await cli.RunOnStoreAsync("train", "--data", data);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(first.Output, Does.Contain("archive-forecast version 1: promoted").And.Contain("archived_gb_next_period").And.Contain("R²"));

        var weak = await cli.RunOnStoreAsync("train", "--data", data, "--trainer", "fasttree", "--trees", "1", "--leaves", "2", "--json");
        Assert.That(weak.ExitCode, Is.EqualTo(3), weak.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(weak.Json.GetProperty("run").GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(weak.Json.GetProperty("run").GetProperty("promoted").GetBoolean(), Is.False);
            Assert.That(weak.Json.GetProperty("run").GetProperty("reason").GetString(), Does.Contain("kept as a candidate by the gate"));
            Assert.That(weak.Json.GetProperty("model_card").GetProperty("data").GetProperty("rows_read").GetInt32(), Is.EqualTo(600));
        });

        var versions = await cli.RunOnStoreAsync("versions", "--json");
        Assert.That(versions.ExitCode, Is.Zero, versions.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(versions.Json.GetProperty("current").GetInt32(), Is.EqualTo(1));
            Assert.That(versions.Json.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()), Is.EqualTo(new[] { "candidate", "current" }));
        });

        string scored = cli.PathOf("scored.csv");
        var predict = await cli.RunOnStoreAsync("predict", "--input", data, "--out", scored);
        Assert.That(predict.ExitCode, Is.Zero, predict.ToString());
        var lines = await File.ReadAllLinesAsync(scored);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.EndWith(",archived_gb_next_period,savings_gb_next_period,out_of_range,archived_gb_next_period_lower,archived_gb_next_period_upper,savings_gb_next_period_lower,savings_gb_next_period_upper").And.StartWith("source_id,month,"));
            Assert.That(lines, Has.Length.EqualTo(601));
        });

        var evaluate = await cli.RunOnStoreAsync("evaluate", "--data", data, "--json");
        Assert.That(evaluate.ExitCode, Is.Zero, evaluate.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(evaluate.Json.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(evaluate.Json.GetProperty("rows").GetInt32(), Is.EqualTo(600));
            Assert.That(evaluate.Json.GetProperty("metrics").GetProperty("savings_gb_next_period").GetProperty("r_squared").GetDouble(), Is.InRange(0.5, 1.0));
        });

        var promote = await cli.RunOnStoreAsync("promote", "--version", "2");
        Assert.That(promote.ExitCode, Is.Zero, promote.ToString());
        Assert.That(promote.Output, Does.Contain("now points at version 2 (was 1)").And.Contain("next reload"));

        var rollback = await cli.RunOnStoreAsync("rollback", "--json");
        Assert.That(rollback.ExitCode, Is.Zero, rollback.ToString());
        Assert.That(rollback.Json.GetProperty("current").GetInt32(), Is.EqualTo(1));

        var evaluateTwo = await cli.RunOnStoreAsync("evaluate", "--data", data, "--version", "2", "--json");
        Assert.That(evaluateTwo.Json.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Train_DefaultTrainerOn600Rows_PrintsTheModelCardSummary()
    {
        string data = await cli.GenerateAsync();

        var result = await cli.RunOnStoreAsync("train", "--data", data);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Does.Contain("version 1: promoted"));
            Assert.That(result.Output, Does.Contain("600 rows read, 0 rejected, 480 train / 120 holdout"));
            Assert.That(result.Output, Does.Contain("no version is served yet"));
            Assert.That(result.Error, Does.Contain("[fitting]"), "progress goes to stderr");
        });
    }

    [Test]
    public async Task Train_Synthetic_NeedsNoFile()
    {
        var result = await cli.RunOnStoreAsync(["train", "--synthetic", "300", "--promote", "never", "--json", .. Fast]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Json.GetProperty("run").GetProperty("dataset").GetString(), Is.EqualTo("synthetic (300 rows, seed 42)"));
            Assert.That(result.Json.GetProperty("run").GetProperty("promoted").GetBoolean(), Is.False);
            Assert.That(result.Error, Does.Not.Contain("[fitting]"), "no progress display with --json");
        });
    }

    [Test]
    public async Task Train_TooManyBadRows_ExitsTwoWithTheLines()
    {
        string data = await cli.GenerateAsync(rows: 200);
        var lines = await File.ReadAllLinesAsync(data);
        for (int i = 1; i < lines.Length; i += 4)
        {
            lines[i] = lines[i].Replace(",20", ",x20", StringComparison.Ordinal);
        }

        await File.WriteAllLinesAsync(data, lines);

        var result = await cli.RunOnStoreAsync(["train", "--data", data, .. Fast]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("50 of 200 rows were rejected").And.Contain("line 2:").And.Contain("line 6:"));
        });
    }

    [Test]
    public async Task Generate_SameSeed_WritesTheSameFile()
    {
        string first = await cli.GenerateAsync(rows: 100, seed: 9, name: "a.csv");
        string second = await cli.GenerateAsync(rows: 100, seed: 9, name: "b.csv");

        Assert.That(await File.ReadAllBytesAsync(second), Is.EqualTo(await File.ReadAllBytesAsync(first)));
    }

    [Test]
    public async Task Generate_IntoAFolderThatDoesNotExistYet_CreatesIt()
    {
        string target = Path.Combine(cli.PathOf("data"), "nested", "train.csv");

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
        var result = await CliHarness.RunAsync("generate", "--rows", "72", "--seed", "3", "--sources", "4", "--out", cli.PathOf("g.csv"), "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Json.GetProperty("rows").GetInt32(), Is.EqualTo(72));
            Assert.That(result.Json.GetProperty("sources").GetInt32(), Is.EqualTo(4));
            Assert.That(result.Json.GetProperty("seed").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Predict_JsonInput_WritesTheApiResponseShape()
    {
        await cli.RunOnStoreAsync(["train", "--synthetic", "300", .. Fast]);
        string input = cli.PathOf("in.json");
        await File.WriteAllTextAsync(input, """
            {"instances":[
              {"month":"2024-12-01","total_files":50000,"avg_file_size_mb":2.5,"pct_pdf":0.3,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":4},
              {"month":"2025-01-01","total_files":900000000,"avg_file_size_mb":2.5,"pct_pdf":0.3,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":4}
            ]}
            """);

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.json"), "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var response = JsonDocument.Parse(await File.ReadAllTextAsync(cli.PathOf("out.json")));
        var predictions = response.RootElement.GetProperty("predictions");
        Assert.Multiple(() =>
        {
            Assert.That(response.RootElement.GetProperty("model").GetProperty("name").GetString(), Is.EqualTo("archive-forecast"));
            Assert.That(response.RootElement.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(predictions.GetArrayLength(), Is.EqualTo(2));
            Assert.That(predictions[0].GetProperty("archived_gb_next_period").GetDouble(), Is.GreaterThanOrEqualTo(0));
            Assert.That(predictions[1].GetProperty("out_of_range").EnumerateArray().Select(e => e.GetString()), Does.Contain("total_files"));
            Assert.That(result.Json.GetProperty("rows").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Predict_Csv_CarriesEveryColumnThroughInOrderKeepsActualsAndNeutralisesFormulas()
    {
        await cli.RunOnStoreAsync(["train", "--synthetic", "300", .. Fast]);
        string input = cli.PathOf("in.csv");
        await File.WriteAllTextAsync(input,
            "region,month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day,archived_gb_next_period,owner,name\n" +
            "north,2024-01-01,10,1.5,0.5,0.2,0.1,2,12.5,\"=HYPERLINK(\"\"http://evil.example\"\")\",\"Vault, 2\"\n" +
            "south,2024-02-01,20,2.5,0.4,0.2,0.1,3,-1,@SUM(A1),+7\n");
        string output = cli.PathOf("out.csv");

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", output);

        var lines = await File.ReadAllLinesAsync(output);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Output, Does.Contain("Scored 2 inputs with"));
            Assert.That(lines[0], Is.EqualTo(
                "region,month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day,actual_archived_gb_next_period,owner,name," +
                "archived_gb_next_period,savings_gb_next_period,out_of_range," +
                "archived_gb_next_period_lower,archived_gb_next_period_upper,savings_gb_next_period_lower,savings_gb_next_period_upper"));
            Assert.That(lines[1], Does.StartWith("north,2024-01-01,10,1.5,0.5,0.2,0.1,2,12.5,\"'=HYPERLINK(\"\"http://evil.example\"\")\",\"Vault, 2\","));
            Assert.That(lines[2], Does.StartWith("south,2024-02-01,20,2.5,0.4,0.2,0.1,3,-1,'@SUM(A1),+7,"));
            Assert.That(lines[2].Split(',')[^7], Does.Match(@"^\d+(\.\d{1,4})?$"), "forecasts with at most four decimals");
        });
    }

    [Test]
    public async Task Predict_CsvWithBothATargetAndItsActualColumn_ExitsTwoNamingThemAndWritesNothing()
    {
        await cli.RunOnStoreAsync(["train", "--synthetic", "300", .. Fast]);
        string input = cli.PathOf("in.csv");
        await File.WriteAllTextAsync(input,
            "month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day,savings_gb_next_period,actual_savings_gb_next_period\n" +
            "2024-01-01,10,1.5,0.5,0.2,0.1,2,1,2\n");

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("actual_savings_gb_next_period"));
            Assert.That(File.Exists(cli.PathOf("out.csv")), Is.False);
        });
    }

    [Test]
    public async Task Predict_UnwritableOut_ExitsTwoNamingOut()
    {
        await cli.RunOnStoreAsync(["train", "--synthetic", "300", .. Fast]);
        string input = cli.PathOf("in.csv");
        await File.WriteAllTextAsync(input, "month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day\n2024-01-01,10,1.5,0.5,0.2,0.1,2\n");

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("no-such-folder/out.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--out").And.Not.Contain(".tmp"));
        });
    }

    [TestCase("versions")]
    [TestCase("rollback")]
    [TestCase("promote", "--version", "1")]
    public async Task ReadCommand_StoreFolderMissing_ExitsTwoNamingIt(params string[] command)
    {
        string missing = cli.PathOf("modles");

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
    public async Task Train_StoreFolderMissing_CreatesItAndSaysSo()
    {
        var result = await cli.RunOnStoreAsync(["train", "--synthetic", "300", .. Fast]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Error, Does.Contain($"created the model store folder {cli.Store}"));
            Assert.That(Directory.Exists(Path.Combine(cli.Store, "archive-forecast", "versions")), Is.True);
        });
    }

    [Test]
    public async Task Predict_BadCsvRows_ExitsTwoWithLineNumbersAndWritesNothing()
    {
        await cli.RunOnStoreAsync(["train", "--synthetic", "300", .. Fast]);
        string input = cli.PathOf("in.csv");
        await File.WriteAllTextAsync(input, "month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day\n" +
            "2024-01-01,10,1.5,0.5,0.2,0.1,2\n2024-13-01,10,1.5,0.5,0.2,0.1,2\n2024-01-01,1.5,1.5,0.5,0.2,0.1,2\n");

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.csv"), "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("line 3: month must be a real calendar month").And.Contain("line 4: total_files must be a whole number"));
            Assert.That(result.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 3, 4 }));
            Assert.That(File.Exists(cli.PathOf("out.csv")), Is.False);
        });
    }

    [Test]
    public async Task Predict_BadJsonInstances_ReportsEachByPointer()
    {
        await cli.RunOnStoreAsync(["train", "--synthetic", "300", .. Fast]);
        string input = cli.PathOf("in.json");
        await File.WriteAllTextAsync(input, """{"instances":[{"month":"2024-01-01","total_files":"10","avg_file_size_mb":1,"pct_pdf":0.5,"pct_docx":0.2,"pct_xlsx":0.1,"archive_frequency_per_day":2,"extra":1}]}""");

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.json"), "--json");

        var pointers = result.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(pointers, Is.EquivalentTo(new[] { "/instances/0/extra", "/instances/0/total_files" }));
        });
    }

    [Test]
    public async Task Evaluate_UnknownVersion_ExitsTwo()
    {
        string data = await cli.GenerateAsync(rows: 300);
        await cli.RunOnStoreAsync(["train", "--data", data, .. Fast]);

        var result = await cli.RunOnStoreAsync("evaluate", "--data", data, "--version", "9");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("has no version 9 (versions: 1)"));
        });
    }

    [Test]
    public async Task Promote_UnknownVersion_ExitsTwo()
    {
        await cli.RunOnStoreAsync(["train", "--synthetic", "300", .. Fast]);

        var result = await cli.RunOnStoreAsync("promote", "--version", "5", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Json.GetProperty("error").GetProperty("exit_code").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Rollback_NothingToRollBackTo_ExitsTwo()
    {
        await cli.RunOnStoreAsync(["train", "--synthetic", "300", .. Fast]);

        var result = await cli.RunOnStoreAsync("rollback");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }

    [Test]
    public async Task Versions_TrainedOnDifferentData_SaysPerRowWhichHoldoutEachFigureComesFrom()
    {
        await cli.RunOnStoreAsync(["train", "--synthetic", "300", "--seed", "1", .. Fast]);
        await cli.RunOnStoreAsync(["train", "--synthetic", "120", "--seed", "2", "--promote", "never", .. Fast]);

        var table = await cli.RunOnStoreAsync("versions");
        var json = await cli.RunOnStoreAsync("versions", "--json");

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
    public async Task Generate_MoreSourcesThanRows_ExitsTwoInsteadOfMakingFewer()
    {
        var result = await CliHarness.RunAsync("generate", "--rows", "10", "--sources", "50", "--out", cli.PathOf("x.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--sources 50 is more than --rows 10"));
            Assert.That(File.Exists(cli.PathOf("x.csv")), Is.False);
        });
    }

    [Test]
    public async Task Option_NotANumber_SaysWhatIsWantedWithoutDotNetTypeNames()
    {
        var result = await CliHarness.RunAsync("generate", "--rows", "abc", "--out", cli.PathOf("x.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--rows: 'abc' is not a whole number.").And.Not.Contain("System.Int32"));
        });
    }

    [Test]
    public async Task Train_SyntheticWithSources_UsesThemAndRecordsThem()
    {
        var result = await cli.RunOnStoreAsync(["train", "--synthetic", "300", "--sources", "5", "--json", .. Fast]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Json.GetProperty("run").GetProperty("dataset").GetString(), Is.EqualTo("synthetic (300 rows, seed 42, 5 sources)"));
        });
    }

    [Test]
    public async Task Versions_EmptyStore_SaysSo()
    {
        Directory.CreateDirectory(cli.Store);

        var result = await cli.RunOnStoreAsync("versions", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Json.GetProperty("versions").GetArrayLength(), Is.Zero);
            Assert.That(result.Json.TryGetProperty("current", out _), Is.False);
        });
    }

    [Test]
    public async Task Compare_SmallData_PrintsBothEvaluations()
    {
        string data = await cli.GenerateAsync(rows: 240, seed: 4);

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

    [Test]
    public async Task MissingDataFile_ExitsTwo()
    {
        var result = await cli.RunOnStoreAsync("train", "--data", cli.PathOf("none.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("none.csv does not exist"));
        });
    }

    [TestCase("../x")]
    [TestCase("Archive")]
    public async Task InvalidModelName_ExitsTwo(string model)
    {
        var result = await cli.RunOnStoreAsync("versions", "--model", model);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }

    [Test]
    public async Task LearningRateWithFastForest_ExitsTwo()
    {
        var result = await cli.RunOnStoreAsync("train", "--synthetic", "100", "--trainer", "fastforest", "--learning-rate", "0.1");

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
