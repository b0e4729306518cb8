namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// Line feeds, carriage returns and NULs at the end of (or inside) model names, run ids and versions: a 404 or 400
/// problem on every route, never a 500, never a model that looks like an existing one, and nothing changes.
/// </summary>
[TestFixture]
[Category("Http")]
public sealed class NameControlCharacterTests
{
    private static readonly string[] Encoded = ["%0A", "%0D", "%00", "%0D%0A"];

    // Kestrel refuses a decoded NUL in the request target while parsing the request line, before any application code
    // runs, with an empty 400; that is the answer serve gives, and it is not a 500.
    private const string Nul = "%00";

    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    public static IEnumerable<TestCaseData> ModelNameRoutes()
    {
        foreach (string control in Encoded)
        {
            foreach (string name in new[] { TrainedStore.DefaultModel + control, "x" + control, control + TrainedStore.DefaultModel, "x" + control + "y" })
            {
                yield return new TestCaseData("POST", $"/api/models/{name}/predict", TestKeys.Function, Builders.PredictBodyBuilder.WithInstances(1).Build()).SetName($"Predict_{name}");
                yield return new TestCaseData("GET", $"/api/models/{name}", TestKeys.Function, null).SetName($"Info_{name}");
                yield return new TestCaseData("GET", $"/api/models/{name}/versions", TestKeys.Function, null).SetName($"Versions_{name}");
                yield return new TestCaseData("POST", $"/api/models/{name}/promote", TestKeys.Admin, """{"version":1}""").SetName($"Promote_{name}");
                yield return new TestCaseData("POST", $"/api/models/{name}/rollback", TestKeys.Admin, null).SetName($"Rollback_{name}");
            }

            yield return new TestCaseData("GET", $"/api/runs/20250101T000000Z-0abc1234{control}", TestKeys.Function, null).SetName($"Run_{control}");
            yield return new TestCaseData("GET", $"/api/runs/{control}20250101T000000Z-0abc1234", TestKeys.Function, null).SetName($"RunLeading_{control}");
        }
    }

    [TestCaseSource(nameof(ModelNameRoutes))]
    public async Task ControlCharacterInARouteSegment_Returns404Problem_AndChangesNothing(string method, string rawPath, string key, string? json)
    {
        var before = await StoreSnapshot.TakeAsync(server);
        using var request = server.RawRequest(new HttpMethod(method), rawPath, key);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await server.Client.SendAsync(request);

        if (rawPath.Contains(Nul, StringComparison.Ordinal))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        }
        else
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }

        await StoreSnapshot.AssertUnchangedAsync(server, before);
        Assert.That(Directory.GetDirectories(server.ModelsPath).Select(Path.GetFileName).Where(d => d != "_runs"), Is.EquivalentTo(new[] { TrainedStore.DefaultModel, TrainedStore.SecondModel }));
    }

    [TestCase("\\n")]
    [TestCase("\\r")]
    [TestCase("\\u0000")]
    public async Task ControlCharacterInAPromotedVersion_Returns400AtVersion(string control)
    {
        using var response = await server.SendAsync(
            HttpMethod.Post, $"/api/models/{TrainedStore.DefaultModel}/promote", TestKeys.Admin, $$"""{"version":"1{{control}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/version");
    }

    [TestCase("\\n")]
    [TestCase("\\r")]
    [TestCase("\\u0000")]
    public async Task ControlCharacterInARetrainModelName_Returns422AtModel_AndQueuesNothing(string control)
    {
        var before = await StoreSnapshot.TakeAsync(server);

        using var response = await server.SendAsync(
            HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"model":"{{TrainedStore.DefaultModel}}{{control}}","dataset":"{{TrainedStore.Dataset}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/model");
        await StoreSnapshot.AssertUnchangedAsync(server, before);
    }
}
