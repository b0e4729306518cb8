using ArchiveForecast.HttpForecast.Functions.Http;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Http;

/// <summary>
/// A line feed, carriage return or NUL at the end of a model name or run id, as the Functions host binds it from
/// <c>%0A</c>, <c>%0D</c>, <c>%00</c>: a 404 problem from every function, never a 500 and never a model that looks
/// like an existing one.
/// </summary>
[TestFixture]
public sealed class NameControlCharacterFunctionTests : ServedModelFixture
{
    private static readonly string[] Controls = ["\n", "\r", "\0"];

    public static IEnumerable<TestCaseData> Names() =>
        Controls.Select(c => new TestCaseData(ModelName.Default + c).SetArgDisplayNames(Uri.EscapeDataString(c)));

    [TestCaseSource(nameof(Names))]
    public async Task EveryNamedFunction_NameWithAControlCharacter_Returns404(string name)
    {
        string body = """{"instances":[{"month":"2025-07-01","total_files":1,"avg_file_size_mb":1,"pct_pdf":0.1,"pct_docx":0.1,"pct_xlsx":0.1,"archive_frequency_per_day":1}]}""";
        var answers = new[]
        {
            await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Post("/api/models/x/predict").WithJson(body), (f, r) => f.PredictModelAsync(r, name, CancellationToken.None)),
            await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Get("/api/models/x"), (f, r) => f.NamedModelInfoAsync(r, name, CancellationToken.None)),
            await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Get("/api/models/x/versions"), (f, r) => f.ModelVersionsAsync(r, name, CancellationToken.None)),
            await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Post("/api/models/x/promote").WithJson("""{"version":1}"""), (f, r) => f.PromoteModelAsync(r, name, CancellationToken.None)),
            await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Post("/api/models/x/rollback"), (f, r) => f.RollbackModelAsync(r, name, CancellationToken.None)),
        };

        Assert.Multiple(() =>
        {
            foreach (var answer in answers)
            {
                Assert.That(answer.Status, Is.EqualTo(404), answer.Body);
                Assert.That(answer.ContentType, Does.StartWith("application/problem+json"));
            }
        });
    }

    [TestCase("\n")]
    [TestCase("\r")]
    [TestCase("\0")]
    public async Task GetRun_RunIdWithAControlCharacter_Returns404(string control)
    {
        var answer = await App.SendAsync<HttpFunctions>(HttpRequestBuilder.Get("/api/runs/x"), (f, r) => f.GetRunAsync(r, "20250101T000000Z-0abc1234" + control, CancellationToken.None));

        Assert.That(answer.Status, Is.EqualTo(404), answer.Body);
    }
}
