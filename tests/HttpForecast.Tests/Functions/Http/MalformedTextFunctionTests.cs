using System.Text;
using ArchiveForecast.HttpForecast.Functions.Http;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Http;

/// <summary>
/// Text that is not valid Unicode, sent to every function with a body: a 400 problem with the JSON pointer of the bad
/// string, never a 500, as on serve (Api.Tests' MalformedTextTests).
/// </summary>
[TestFixture]
public sealed class MalformedTextFunctionTests : ServedModelFixture
{
    private const string Instance =
        """{"month":"§","total_files":1,"avg_file_size_mb":1,"pct_pdf":0.1,"pct_docx":0.1,"pct_xlsx":0.1,"archive_frequency_per_day":1}""";

    public static IEnumerable<TestCaseData> BadTexts() =>
    [
        new TestCaseData(new byte[] { 0xFF }).SetArgDisplayNames("StrayFF"),
        new TestCaseData(new byte[] { 0xC0, 0xAF }).SetArgDisplayNames("OverlongSlash"),
        new TestCaseData("\\ud800"u8.ToArray()).SetArgDisplayNames("LoneSurrogateEscape"),
    ];

    [TestCaseSource(nameof(BadTexts))]
    public async Task Predict_BadTextInMonth_Returns400AtTheMonth(byte[] bad)
    {
        var request = Post("/api/predict", $$"""{"instances":[{{Instance}}]}""", bad);

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PredictAsync(r, CancellationToken.None));

        AssertBadRequestAt(answer, "/instances/0/month");
    }

    [TestCaseSource(nameof(BadTexts))]
    public async Task PredictModel_BadTextInMonth_Returns400AtTheMonth(byte[] bad)
    {
        var request = Post($"/api/models/{ModelName.Default}/predict", $$"""{"instances":[{{Instance}}]}""", bad);

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PredictModelAsync(r, ModelName.Default, CancellationToken.None));

        AssertBadRequestAt(answer, "/instances/0/month");
    }

    [TestCaseSource(nameof(BadTexts))]
    public async Task Promote_BadTextInVersion_Returns400AtTheVersion(byte[] bad)
    {
        var request = Post($"/api/models/{ModelName.Default}/promote", """{"version":"§"}""", bad);

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PromoteModelAsync(r, ModelName.Default, CancellationToken.None));

        AssertBadRequestAt(answer, "/version");
    }

    [TestCaseSource(nameof(BadTexts))]
    public async Task Retrain_BadTextInDataset_Returns400AtTheDataset(byte[] bad)
    {
        var request = Post("/api/retrain", $$"""{"model":"{{ModelName.Default}}","dataset":"§"}""", bad);

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.RetrainAsync(r, CancellationToken.None));

        AssertBadRequestAt(answer, "/dataset");
    }

    private static HttpRequestBuilder Post(string path, string template, byte[] bad)
    {
        int at = template.IndexOf('§', StringComparison.Ordinal);
        byte[] body = [.. Encoding.UTF8.GetBytes(template[..at]), .. bad, .. Encoding.UTF8.GetBytes(template[(at + 1)..])];
        return HttpRequestBuilder.Post(path).WithBytes(body, "application/json");
    }

    private static void AssertBadRequestAt(HttpAnswer answer, string expected)
    {
        var errors = answer.Json["errors"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Body);
            Assert.That(answer.ContentType, Does.StartWith("application/problem+json"));
            Assert.That(errors.Select(e => e?["pointer"]?.GetValue<string>()), Is.EqualTo(new[] { expected }));
        });
    }
}
