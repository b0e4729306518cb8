using ArchiveForecast.Api.Routing;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>Every route with no key, a wrong key, a function key and an admin key, in the header and in <c>?code=</c>.</summary>
[TestFixture]
[Category("Http")]
public sealed class KeyLevelTests
{
    private ApiServer server = null!;
    private string runId = null!;

    public enum Key
    {
        None,
        Wrong,
        Function,
        Admin,
    }

    [OneTimeSetUp]
    public async Task StartServer()
    {
        server = await ApiServer.StartAsync();
        using var versions = await server.SendAsync(HttpMethod.Get, $"/api/models/{TrainedStore.DefaultModel}/versions", TestKeys.Admin);
        using var json = JsonDocument.Parse(await versions.Content.ReadAsStringAsync());
        this.runId = json.RootElement.GetProperty("versions")[0].GetProperty("run_id").GetString()!;
    }

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var route in ApiRoutes.All)
        {
            foreach (var key in Enum.GetValues<Key>())
            {
                foreach (var place in key == Key.None ? [KeyPlace.Header] : Enum.GetValues<KeyPlace>())
                {
                    bool allowed = route.Level switch
                    {
                        KeyLevel.Anonymous => true,
                        KeyLevel.Function => key is Key.Function or Key.Admin,
                        _ => key == Key.Admin,
                    };
                    int expected = allowed ? SuccessStatus(route) : 401;
                    string where = key == Key.None ? string.Empty : place == KeyPlace.Header ? "InHeader" : "InQuery";
                    yield return new TestCaseData(route.Name, key, place, expected)
                        .SetName($"{route.Name}_With{key}Key{where}_Returns{expected}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Route_WithKey_ReturnsTheDocumentedStatus(string routeName, Key key, KeyPlace place, int expected)
    {
        var route = ApiRoutes.All.Single(r => r.Name == routeName);
        var (path, body) = ValidCall(route);
        if (route == ApiRoutes.RollbackModel)
        {
            // Rollbacks walk back and never toggle, so each case first makes sure there is a version to go back to.
            using var promote = await server.SendAsync(
                HttpMethod.Post, $"/api/models/{TrainedStore.DefaultModel}/promote", TestKeys.Admin, $$"""{"version":{{TrainedStore.CurrentVersion}}}""");
            Assert.That(promote.IsSuccessStatusCode, Is.True, await promote.Content.ReadAsStringAsync());
        }

        if (route == ApiRoutes.RetireModel)
        {
            // Each case retires a model of its own, a copy of the second model's folder, so that no other case loses a model.
            string copy = $"retire-{key}-{place}".ToLowerInvariant();
            CopyModel(TrainedStore.SecondModel, copy);
            path = route.Path.Replace("{name}", copy, StringComparison.Ordinal);
        }

        if (route == ApiRoutes.GetRelease || route == ApiRoutes.StopRelease)
        {
            // There is a release to watch or stop: started (or, when one runs, widened) with the admin key first.
            using var start = await server.SendAsync(HttpMethod.Post, path, TestKeys.Admin, $$"""{"version":{{TrainedStore.CandidateVersion}},"fraction":0.1}""");
            Assert.That(start.IsSuccessStatusCode, Is.True, await start.Content.ReadAsStringAsync());
        }

        using var request = ApiServer.Request(new HttpMethod(route.Method), path, KeyOf(key), place, body);

        using var response = await server.Client.SendAsync(request);

        if (expected == 401)
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        }
        else
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        }
    }

    [Test]
    public async Task FunctionKeyOnAdminRoute_SaysAnAdminKeyIsNeeded()
    {
        using var response = await server.SendAsync(HttpMethod.Post, "/api/model/reload", TestKeys.Function);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("admin key"));
    }

    [Test]
    public async Task RefusedKeys_AreLoggedWithoutKeyMaterial()
    {
        using (await server.SendAsync(HttpMethod.Get, "/api/model/info", TestKeys.Wrong))
        using (await server.SendAsync(HttpMethod.Post, "/api/model/reload", TestKeys.Function))
        using (await server.Client.SendAsync(ApiServer.Request(HttpMethod.Get, "/api/model/info", TestKeys.Wrong, KeyPlace.Query)))
        using (await server.Client.SendAsync(ApiServer.Request(HttpMethod.Get, "/api/model/info", TestKeys.Function, KeyPlace.Query)))
        {
        }

        var entries = server.Logs.Entries;
        Assert.Multiple(() =>
        {
            Assert.That(entries.Count(e => e.EventId == 3001), Is.GreaterThanOrEqualTo(3));
            Assert.That(
                entries.Select(e => e.Message),
                Has.None.Contains(TestKeys.Wrong).And.None.Contains(TestKeys.Function).And.None.Contains(TestKeys.Admin));
        });
    }

    private void CopyModel(string from, string to)
    {
        string source = Path.Combine(server.ModelsPath, from);
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(server.ModelsPath, to, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static int SuccessStatus(ApiRoute route) =>
        route.Responses.First(r => r.Status is >= 200 and < 300).Status;

    private static string? KeyOf(Key key) => key switch
    {
        Key.Wrong => TestKeys.Wrong,
        Key.Function => TestKeys.Function,
        Key.Admin => TestKeys.Admin,
        _ => null,
    };

    private (string Path, string? Body) ValidCall(ApiRoute route)
    {
        const string Instance = """{"instances":[{"month":"2025-07-01","total_files":120000,"avg_file_size_mb":1.2,"pct_pdf":0.4,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":15}]}""";
        string name = route == ApiRoutes.PredictModel || route == ApiRoutes.NamedModelInfo ? TrainedStore.SecondModel : TrainedStore.DefaultModel;
        string path = route.Path.Replace("{name}", name, StringComparison.Ordinal).Replace("{runId}", this.runId, StringComparison.Ordinal);
        string? body = route == ApiRoutes.Predict || route == ApiRoutes.PredictModel ? Instance
            : route == ApiRoutes.PromoteModel ? $$"""{"version":{{TrainedStore.CurrentVersion}}}"""
            : route == ApiRoutes.StartRelease ? $$"""{"version":{{TrainedStore.CandidateVersion}},"fraction":0.1}"""
            : route == ApiRoutes.Retrain ? $$"""{"model":"keyed-retrain","dataset":"{{TrainedStore.Dataset}}","create":true}"""
            : route == ApiRoutes.SubmitBatch || route == ApiRoutes.SubmitModelBatch ? $$"""{"dataset":"{{TrainedStore.Dataset}}"}"""
            : null;
        return (path, body);
    }
}
