using System.Text.Json;

namespace ArchiveForecast.Cli.Tests;

/// <summary><c>predict</c>: scores a CSV or JSON file with the served version, row by row, refusing bad input whole.</summary>
[TestFixture]
public sealed class PredictCommandTests : CliFixture
{
    [Test]
    public async Task Predict_JsonInput_WritesTheApiResponseShape()
    {
        await Cli.RunOnStoreAsync(["train", "--synthetic", "300", .. CliHarness.FastTraining]);
        string input = Cli.PathOf("in.json");
        await File.WriteAllTextAsync(input, """
            {"instances":[
              {"month":"2024-12-01","total_files":50000,"avg_file_size_mb":2.5,"pct_pdf":0.3,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":4},
              {"month":"2025-01-01","total_files":900000000,"avg_file_size_mb":2.5,"pct_pdf":0.3,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":4}
            ]}
            """);

        var result = await Cli.RunOnStoreAsync("predict", "--input", input, "--out", Cli.PathOf("out.json"), "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var response = JsonDocument.Parse(await File.ReadAllTextAsync(Cli.PathOf("out.json")));
        var predictions = response.RootElement.GetProperty("predictions");
        Assert.Multiple(() =>
        {
            Assert.That(response.RootElement.GetProperty("model").GetProperty("name").GetString(), Is.EqualTo("archive-forecast"));
            Assert.That(response.RootElement.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(predictions.GetArrayLength(), Is.EqualTo(2));
            // Forecasts are clamped at 0, so only a positive one shows the model scored; archiving more than the source holds (50,000 files of 2.5 MB) is wrong.
            Assert.That(predictions[0].GetProperty("archived_gb_next_period").GetDouble(), Is.GreaterThan(0).And.LessThan(50_000 * 2.5 / 1024));
            Assert.That(predictions[1].GetProperty("out_of_range").EnumerateArray().Select(e => e.GetString()), Does.Contain("total_files"));
            Assert.That(result.Json.GetProperty("rows").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Predict_Csv_CarriesEveryColumnThroughInOrderKeepsActualsAndNeutralisesFormulas()
    {
        await Cli.RunOnStoreAsync(["train", "--synthetic", "300", .. CliHarness.FastTraining]);
        string input = Cli.PathOf("in.csv");
        await File.WriteAllTextAsync(input,
            "region,month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day,archived_gb_next_period,owner,name\n" +
            "north,2024-01-01,10,1.5,0.5,0.2,0.1,2,12.5,\"=HYPERLINK(\"\"http://evil.example\"\")\",\"Vault, 2\"\n" +
            "south,2024-02-01,20,2.5,0.4,0.2,0.1,3,-1,@SUM(A1),+7\n");
        string output = Cli.PathOf("out.csv");

        var result = await Cli.RunOnStoreAsync("predict", "--input", input, "--out", output);

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
        await Cli.RunOnStoreAsync(["train", "--synthetic", "300", .. CliHarness.FastTraining]);
        string input = Cli.PathOf("in.csv");
        await File.WriteAllTextAsync(input,
            "month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day,savings_gb_next_period,actual_savings_gb_next_period\n" +
            "2024-01-01,10,1.5,0.5,0.2,0.1,2,1,2\n");

        var result = await Cli.RunOnStoreAsync("predict", "--input", input, "--out", Cli.PathOf("out.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("actual_savings_gb_next_period"));
            Assert.That(File.Exists(Cli.PathOf("out.csv")), Is.False);
        });
    }

    [Test]
    public async Task Predict_UnwritableOut_ExitsTwoNamingOut()
    {
        await Cli.RunOnStoreAsync(["train", "--synthetic", "300", .. CliHarness.FastTraining]);
        string input = Cli.PathOf("in.csv");
        await File.WriteAllTextAsync(input, "month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day\n2024-01-01,10,1.5,0.5,0.2,0.1,2\n");

        var result = await Cli.RunOnStoreAsync("predict", "--input", input, "--out", Cli.PathOf("no-such-folder/out.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--out").And.Not.Contain(".tmp"));
        });
    }

    [Test]
    public async Task Predict_BadCsvRows_ExitsTwoWithLineNumbersAndWritesNothing()
    {
        await Cli.RunOnStoreAsync(["train", "--synthetic", "300", .. CliHarness.FastTraining]);
        string input = Cli.PathOf("in.csv");
        await File.WriteAllTextAsync(input, "month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day\n" +
            "2024-01-01,10,1.5,0.5,0.2,0.1,2\n2024-13-01,10,1.5,0.5,0.2,0.1,2\n2024-01-01,1.5,1.5,0.5,0.2,0.1,2\n");

        var result = await Cli.RunOnStoreAsync("predict", "--input", input, "--out", Cli.PathOf("out.csv"), "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("line 3: month must be a real calendar month").And.Contain("line 4: total_files must be a whole number"));
            Assert.That(result.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 3, 4 }));
            Assert.That(File.Exists(Cli.PathOf("out.csv")), Is.False);
        });
    }

    [Test]
    public async Task Predict_BadJsonInstances_ReportsEachByPointer()
    {
        await Cli.RunOnStoreAsync(["train", "--synthetic", "300", .. CliHarness.FastTraining]);
        string input = Cli.PathOf("in.json");
        await File.WriteAllTextAsync(input, """{"instances":[{"month":"2024-01-01","total_files":"10","avg_file_size_mb":1,"pct_pdf":0.5,"pct_docx":0.2,"pct_xlsx":0.1,"archive_frequency_per_day":2,"extra":1}]}""");

        var result = await Cli.RunOnStoreAsync("predict", "--input", input, "--out", Cli.PathOf("out.json"), "--json");

        var pointers = result.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(pointers, Is.EquivalentTo(new[] { "/instances/0/extra", "/instances/0/total_files" }));
        });
    }
}
