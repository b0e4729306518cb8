using System.Net.Http.Headers;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// Text that is not valid Unicode, in every route with a body, in route segments and in query values: each is a 400
/// (or, for a name that cannot exist, a 404) problem with the JSON pointer of the bad string where there is one, never
/// a 500, and nothing in the store changes.
/// </summary>
[TestFixture]
[Category("Http")]
public sealed class MalformedTextTests
{
    private const string Marker = "§";

    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    private const string Instance =
        """{"month":"2025-07-01","total_files":1,"avg_file_size_mb":1,"pct_pdf":0.1,"pct_docx":0.1,"pct_xlsx":0.1,"archive_frequency_per_day":1}""";

    private static readonly string BadMonthInstance = Instance.Replace("2025-07-01", Marker, StringComparison.Ordinal);

    /// <summary>The bad text, as the bytes that replace the marker inside a JSON string.</summary>
    private static readonly (string Name, byte[] Bytes)[] BadTexts =
    [
        ("StrayFF", [0xFF]),
        ("OverlongSlash", [0xC0, 0xAF]),
        ("OverlongThreeBytes", [0xE0, 0x80, 0xAF]),
        ("EncodedSurrogate", [0xED, 0xA0, 0x80]),
        ("TruncatedSequence", [0xE2, 0x82]),
        ("LoneContinuation", [0x80]),
        ("LoneHighSurrogateEscape", "\\ud800"u8.ToArray()),
        ("LoneLowSurrogateEscape", "\\udc00"u8.ToArray()),
        ("ReversedSurrogateEscapes", "\\udc00\\ud800"u8.ToArray()),
        ("SurrogateEscapeInsideText", "2025-07\\ud800-01"u8.ToArray()),
    ];

    /// <summary>Every route with a body: a body whose marker sits in a string value, and the pointer of that string.</summary>
    private static readonly (string Name, string Path, string Key, string Template, string Pointer)[] ValueRoutes =
    [
        ("Predict", "/api/predict", TestKeys.Function, $$"""{"instances":[{{BadMonthInstance}}]}""", "/instances/0/month"),
        ("PredictNamed", $"/api/models/{TrainedStore.DefaultModel}/predict", TestKeys.Function, $$"""{"instances":[{{Instance}},{{BadMonthInstance}}]}""", "/instances/1/month"),
        ("Promote", $"/api/models/{TrainedStore.DefaultModel}/promote", TestKeys.Admin, """{"version":"§"}""", "/version"),
        ("RetrainDataset", "/api/retrain", TestKeys.Admin, $$"""{"model":"{{TrainedStore.DefaultModel}}","dataset":"§"}""", "/dataset"),
        ("RetrainModel", "/api/retrain", TestKeys.Admin, """{"model":"§"}""", "/model"),
    ];

    /// <summary>Every route with a body: a body whose marker sits in a property name, and the pointer of its object.</summary>
    private static readonly (string Name, string Path, string Key, string Template, string Pointer)[] NameRoutes =
    [
        ("Predict", "/api/predict", TestKeys.Function, $$"""{"instances":[{{Instance.Insert(1, "\"§\":1,")}}]}""", "/instances/0"),
        ("PredictNamed", $"/api/models/{TrainedStore.DefaultModel}/predict", TestKeys.Function, """{"§":1,"instances":[]}""", ""),
        ("Promote", $"/api/models/{TrainedStore.DefaultModel}/promote", TestKeys.Admin, """{"version":1,"§":1}""", ""),
        ("Retrain", "/api/retrain", TestKeys.Admin, """{"§":"x","model":"archive-forecast"}""", ""),
    ];

    public static IEnumerable<TestCaseData> EveryBodyRouteWithEveryBadText() =>
        from route in ValueRoutes
        from text in BadTexts
        select new TestCaseData(route.Path, route.Key, route.Template, route.Pointer, text.Bytes).SetName($"BadTextInAString_{route.Name}_{text.Name}");

    public static IEnumerable<TestCaseData> EveryBodyRouteWithABadName() =>
        from route in NameRoutes
        from text in BadTexts
        select new TestCaseData(route.Path, route.Key, route.Template, route.Pointer, text.Bytes).SetName($"BadTextInAPropertyName_{route.Name}_{text.Name}");

    public static IEnumerable<TestCaseData> EveryBodyRoute() =>
        ValueRoutes.Select(r => new TestCaseData(r.Path, r.Key, r.Template.Replace(Marker, "x", StringComparison.Ordinal)).SetName($"BadBytesOutsideStrings_{r.Name}"));

    [TestCaseSource(nameof(EveryBodyRouteWithEveryBadText))]
    public async Task BadTextInAString_Returns400WithItsPointer_AndChangesNothing(string path, string key, string template, string expectedPointer, byte[] bad)
    {
        var before = await StoreSnapshot.TakeAsync(server);

        using var response = await PostAsync(path, key, WithBytes(template, bad));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, expectedPointer);
        await StoreSnapshot.AssertUnchangedAsync(server, before);
    }

    [TestCaseSource(nameof(EveryBodyRouteWithABadName))]
    public async Task BadTextInAPropertyName_Returns400AtItsObject(string path, string key, string template, string expectedPointer, byte[] bad)
    {
        using var response = await PostAsync(path, key, WithBytes(template, bad));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, expectedPointer);
    }

    [TestCaseSource(nameof(EveryBodyRoute))]
    public async Task BadBytesOutsideStrings_Returns400(string path, string key, string body)
    {
        using var response = await PostAsync(path, key, [.. Encoding.UTF8.GetBytes(body[..^1]), 0xFF, (byte)'}']);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ValidEscapedSurrogatePair_IsText_AndReachesTheValueRules()
    {
        // An escaped pair is valid text (U+1F600), so the month is judged by its rules: 422, not 400.
        using var response = await PostAsync(
            "/api/predict",
            TestKeys.Function,
            WithBytes($$"""{"instances":[{{BadMonthInstance}}]}""", "\\ud83d\\ude00"u8.ToArray()));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/instances/0/month");
    }

    [TestCase("/api/models/%FF/predict", "POST")]
    [TestCase("/api/models/%C0%AF/predict", "POST")]
    [TestCase("/api/models/%ED%A0%80", "GET")]
    [TestCase("/api/models/a%FFb/versions", "GET")]
    [TestCase("/api/models/%FF/promote", "POST")]
    [TestCase("/api/models/%C0%AF/rollback", "POST")]
    [TestCase("/api/runs/%FF", "GET")]
    [TestCase("/api/runs/%C0%AF", "GET")]
    public async Task BadTextInARouteSegment_Returns404Problem(string rawPath, string method)
    {
        var before = await StoreSnapshot.TakeAsync(server);
        using var request = server.RawRequest(new HttpMethod(method), rawPath, TestKeys.Admin);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"version":1}""", Encoding.UTF8, "application/json");
        }

        using var response = await server.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        await StoreSnapshot.AssertUnchangedAsync(server, before);
    }

    [TestCase("%FF")]
    [TestCase("%C0%AF")]
    [TestCase("tr%FFue")]
    public async Task BadTextInTheExplainQueryValue_Returns400(string rawValue)
    {
        using var request = server.RawRequest(HttpMethod.Post, "/api/predict?explain=" + rawValue, TestKeys.Function);
        request.Content = new StringContent(Builders.PredictBodyBuilder.WithInstances(1).Build(), Encoding.UTF8, "application/json");

        using var response = await server.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCase("%FF")]
    [TestCase("%C0%AF")]
    public async Task BadTextInTheKeyQueryValue_Returns401(string rawValue)
    {
        using var request = server.RawRequest(HttpMethod.Get, "/api/model/info?code=" + rawValue);

        using var response = await server.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private static byte[] WithBytes(string template, byte[] bad)
    {
        int at = template.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return Encoding.UTF8.GetBytes(template);
        }

        return [.. Encoding.UTF8.GetBytes(template[..at]), .. bad, .. Encoding.UTF8.GetBytes(template[(at + Marker.Length)..])];
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string key, byte[] body)
    {
        using var request = ApiServer.Request(HttpMethod.Post, path, key);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await server.Client.SendAsync(request);
    }
}
