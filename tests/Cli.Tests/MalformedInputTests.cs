namespace ArchiveForecast.Cli.Tests;

/// <summary>
/// Input files to score whose text is not valid Unicode: exit code 2 with the position (a JSON pointer, or the line of
/// a CSV), nothing written, and no store needed, since the input is read before any model.
/// </summary>
[TestFixture]
public sealed class MalformedInputTests
{
    private const string Header = "month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day\n";

    private static readonly (string Name, byte[] Bytes)[] BadTexts =
    [
        ("StrayFF", [0xFF]),
        ("OverlongSlash", [0xC0, 0xAF]),
        ("EncodedSurrogate", [0xED, 0xA0, 0x80]),
        ("TruncatedSequence", [0xE2, 0x82]),
    ];

    private CliHarness cli = null!;

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    [SetUp]
    public void SetUp() => cli = new CliHarness();

    [TearDown]
    public void TearDown() => cli.Dispose();

    public static IEnumerable<TestCaseData> Bytes() => BadTexts.Select(t => new TestCaseData(t.Bytes).SetArgDisplayNames(t.Name));

    [TestCaseSource(nameof(Bytes))]
    public async Task Predict_JsonWithBadBytesInAString_ExitsTwoWithThePointer(byte[] bad)
    {
        string input = cli.PathOf("in.json");
        await File.WriteAllBytesAsync(input, [.. Utf8("{\"instances\":[{\"month\":\"2024-01"), .. bad, .. Utf8("\",\"total_files\":1,\"avg_file_size_mb\":1,\"pct_pdf\":0.1,\"pct_docx\":0.1,\"pct_xlsx\":0.1,\"archive_frequency_per_day\":1}]}")]);

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.json"), "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Json.GetProperty("errors")[0].GetProperty("pointer").GetString(), Is.EqualTo("/instances/0/month"));
            Assert.That(result.Error, Does.Contain("not valid Unicode text"));
            Assert.That(File.Exists(cli.PathOf("out.json")), Is.False);
        });
    }

    [TestCase("\\ud800")]
    [TestCase("\\udc00")]
    [TestCase("2024-01\\ud800-01")]
    public async Task Predict_JsonWithAnUnpairedSurrogateEscape_ExitsTwoWithThePointer(string month)
    {
        string input = cli.PathOf("in.json");
        await File.WriteAllTextAsync(input, $$"""{"instances":[{"month":"{{month}}","total_files":1,"avg_file_size_mb":1,"pct_pdf":0.1,"pct_docx":0.1,"pct_xlsx":0.1,"archive_frequency_per_day":1}]}""");

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.json"), "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Json.GetProperty("errors")[0].GetProperty("pointer").GetString(), Is.EqualTo("/instances/0/month"));
        });
    }

    [Test]
    public async Task Predict_JsonWithABadPropertyName_ExitsTwoAtItsObject()
    {
        string input = cli.PathOf("in.json");
        await File.WriteAllBytesAsync(input, [.. Utf8("{\"instances\":[{\"m"), 0xFF, .. Utf8("\":1}]}")]);

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.json"), "--json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Json.GetProperty("errors")[0].GetProperty("pointer").GetString(), Is.EqualTo("/instances/0"));
        });
    }

    [TestCaseSource(nameof(Bytes))]
    public async Task Predict_CsvWithBadBytes_ExitsTwoNamingTheLine(byte[] bad)
    {
        string input = cli.PathOf("in.csv");
        await File.WriteAllBytesAsync(input, [.. System.Text.Encoding.UTF8.GetBytes(Header + "2024-01-01,10,1.5,0.5,0.2,0.1,2\n2024-01-01,10,1.5,0.5,0.2,0.1,"), .. bad, .. "\n"u8]);

        var result = await cli.RunOnStoreAsync("predict", "--input", input, "--out", cli.PathOf("out.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("not valid UTF-8").And.Contain("line 3"));
            Assert.That(File.Exists(cli.PathOf("out.csv")), Is.False);
        });
    }

    [TestCaseSource(nameof(Bytes))]
    public async Task Train_CsvWithBadBytes_ExitsTwo(byte[] bad)
    {
        string input = cli.PathOf("train.csv");
        await File.WriteAllBytesAsync(input, [.. System.Text.Encoding.UTF8.GetBytes(Header.TrimEnd('\n') + ",archived_gb_next_period,savings_gb_next_period\n2024-01-01,10,1.5,0.5,0.2,0.1,2,1,1\n"), .. bad, .. "\n"u8]);

        var result = await cli.RunOnStoreAsync("train", "--data", input);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("not valid UTF-8"));
            Assert.That(Directory.Exists(cli.Store) ? Directory.GetFiles(cli.Store, "model.zip", SearchOption.AllDirectories) : [], Is.Empty);
        });
    }
}
