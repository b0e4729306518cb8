namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// Carriage returns and line feeds sent in route segments, query values and bodies never reach a message of the
/// service's own logs unescaped. (ASP.NET Core's debug logs quote the decoded path; serve's log writer escapes every
/// record, see the CLI's ServeLogTests.)
/// </summary>
[TestFixture]
[Category("Http")]
public sealed class LogForgingTests
{
    private const string Forged = "%0D%0Aerror:%20forged%20line%0A";

    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    public static IEnumerable<TestCaseData> Requests()
    {
        string predict = Builders.PredictBodyBuilder.WithInstances(1).Build();
        yield return new TestCaseData("POST", $"/api/models/x{Forged}/predict", TestKeys.Function, predict).SetName("PredictNamed");
        yield return new TestCaseData("GET", $"/api/models/x{Forged}", TestKeys.Function, null).SetName("ModelInfo");
        yield return new TestCaseData("GET", $"/api/models/x{Forged}/versions", TestKeys.Function, null).SetName("Versions");
        yield return new TestCaseData("POST", $"/api/models/x{Forged}/promote", TestKeys.Admin, """{"version":1}""").SetName("Promote");
        yield return new TestCaseData("POST", $"/api/models/x{Forged}/rollback", TestKeys.Admin, null).SetName("Rollback");
        yield return new TestCaseData("GET", $"/api/runs/r{Forged}", TestKeys.Function, null).SetName("Run");
        yield return new TestCaseData("GET", $"/api/nothing{Forged}", TestKeys.Function, null).SetName("UnknownRoute");
        yield return new TestCaseData("DELETE", $"/api/models/x{Forged}", TestKeys.Function, null).SetName("WrongMethod");
        yield return new TestCaseData("POST", $"/api/models/x{Forged}/promote", TestKeys.Function, """{"version":1}""").SetName("RefusedKey");
        yield return new TestCaseData("POST", $"/api/predict?explain={Forged}", TestKeys.Function, predict).SetName("ExplainQuery");
        yield return new TestCaseData("GET", $"/api/model/info?code={Forged}", null, null).SetName("KeyQuery");
        yield return new TestCaseData("POST", "/api/retrain", TestKeys.Admin, """{"model":"x\r\nerror: forged","dataset":"a\r\nerror: forged.csv"}""").SetName("RetrainBody");
        yield return new TestCaseData("POST", "/api/predict", TestKeys.Function, predict.Replace("2025-07-01", "2025\\r\\nerror: forged", StringComparison.Ordinal)).SetName("PredictBody");
    }

    [TestCaseSource(nameof(Requests))]
    public async Task LineBreaksInARequest_NeverReachALogMessageUnescaped(string method, string rawPath, string? key, string? json)
    {
        int before = server.Logs.Entries.Count;
        using var request = server.RawRequest(new HttpMethod(method), rawPath, key);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await server.Client.SendAsync(request);
        var logged = server.Logs.Entries.Skip(before).Where(e => e.Category.StartsWith("ArchiveForecast.", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.LessThan(500));
            Assert.That(logged.Where(e => e.Message.AsSpan().IndexOfAny('\r', '\n') >= 0).Select(e => e.Message), Is.Empty);
        });
    }
}
