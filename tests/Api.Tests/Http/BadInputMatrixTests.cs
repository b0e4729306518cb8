using System.Net.Http.Headers;
using ArchiveForecast.Api.Input;
using ArchiveForecast.Api.Tests.Builders;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// Every row of the bad-input matrix of testing.md over real HTTP: each gets its documented status and a problem
/// document with pointers where they apply, and nothing changes (served versions and every file of the store).
/// </summary>
[TestFixture]
[Category("Http")]
public sealed class BadInputMatrixTests
{
    private const string Predict = "/api/predict";
    private static readonly string Promote = $"/api/models/{TrainedStore.DefaultModel}/promote";

    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    public static IEnumerable<TestCaseData> Cases() => AllCases().Select(c => new TestCaseData(c).SetName("Matrix_" + c.Name));

    [TestCaseSource(nameof(Cases))]
    public async Task BadInput_GetsItsStatusAndProblem_AndChangesNothing(BadInputCase row)
    {
        var before = await StoreSnapshot.TakeAsync(server);
        using var request = row.Build(new ApiServerHandle(server));

        using var response = await server.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, row.Status, row.Pointers);
        if (row.Allow is not null)
        {
            Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { row.Allow }));
        }

        await StoreSnapshot.AssertUnchangedAsync(server, before);
    }

    private static IEnumerable<BadInputCase> AllCases()
    {
        const HttpStatusCode BadRequest = HttpStatusCode.BadRequest;
        const HttpStatusCode Invalid = HttpStatusCode.UnprocessableEntity;
        string valid = PredictBodyBuilder.WithInstances(1).Build();

        // Wrong method
        yield return new("GetOnPredict", _ => Keyed(HttpMethod.Get, Predict), HttpStatusCode.MethodNotAllowed, [], "POST");
        yield return new("DeleteOnHealth", _ => Keyed(HttpMethod.Delete, "/api/health"), HttpStatusCode.MethodNotAllowed, [], "GET");
        yield return new("PutOnPromote", _ => Keyed(HttpMethod.Put, Promote, TestKeys.Admin, """{"version":1}"""), HttpStatusCode.MethodNotAllowed, [], "POST");
        yield return new("GetOnRetrain", _ => Keyed(HttpMethod.Get, "/api/retrain", TestKeys.Admin), HttpStatusCode.MethodNotAllowed, [], "POST");

        // Wrong or missing content type
        yield return new("TextPlain", _ => WithContent(Predict, new StringContent(valid, Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, []);
        yield return new("NoContentType", _ => WithContent(Predict, new ByteArrayContent(Encoding.UTF8.GetBytes(valid))), HttpStatusCode.UnsupportedMediaType, []);
        yield return new("FormUrlEncoded", _ => WithContent(Predict, new FormUrlEncodedContent([new("instances", "x")])), HttpStatusCode.UnsupportedMediaType, []);
        yield return new("JsonInUtf16", _ => WithContent(Predict, new StringContent(valid, Encoding.Unicode, "application/json")), HttpStatusCode.UnsupportedMediaType, []);
        yield return new("PromoteAsText", _ => Keyed(HttpMethod.Post, Promote, TestKeys.Admin, """{"version":1}""", "text/plain"), HttpStatusCode.UnsupportedMediaType, []);

        // Body over the cap
        yield return new("OverCapWithContentLength", _ => WithContent(Predict, OverCap()), HttpStatusCode.RequestEntityTooLarge, []);
        yield return new("OverCapChunked", _ => WithContent(Predict, new ChunkedContent(OverCapBytes())), HttpStatusCode.RequestEntityTooLarge, []);
        yield return new("PromoteOverCapChunked", _ => WithContent(Promote, new ChunkedContent(OverCapBytes()), TestKeys.Admin), HttpStatusCode.RequestEntityTooLarge, []);

        // Not JSON, or the wrong shape
        yield return new("TruncatedJson", _ => Json(valid[..^5]), BadRequest, []);
        yield return new("TrailingComma", _ => Json("""{"instances":[],}"""), BadRequest, []);
        yield return new("Comments", _ => Json("/* hi */" + valid), BadRequest, []);
        yield return new("TopLevelArray", _ => Json("[" + valid + "]"), BadRequest, [""]);
        yield return new("TopLevelScalar", _ => Json("42"), BadRequest, [""]);
        yield return new("ThousandDeepNesting", _ => Json("{\"instances\":" + new string('[', 1000) + new string(']', 1000) + "}"), BadRequest, []);
        yield return new("DuplicateKeys", _ => Json(Body(b => b.Add(0, "pct_pdf", "0.4"))), BadRequest, ["/instances/0/pct_pdf"]);
        yield return new("UnknownField", _ => Json(Body(b => b.Add(0, "region", "\"eu\""))), BadRequest, ["/instances/0/region"]);
        yield return new("StringForNumber", _ => Json(Body(b => b.Set(0, "avg_file_size_mb", "\"1.2\""))), BadRequest, ["/instances/0/avg_file_size_mb"]);
        yield return new("FractionForInteger", _ => Json(Body(b => b.Set(0, "total_files", "120000.5"))), BadRequest, ["/instances/0/total_files"]);
        yield return new("Null", _ => Json(Body(b => b.Set(0, "pct_docx", "null"))), BadRequest, ["/instances/0/pct_docx"]);
        yield return new("MissingField", _ => Json(Body(b => b.Remove(0, "month"))), BadRequest, ["/instances/0/month"]);
        yield return new("NaNAsString", _ => Json(Body(b => b.Set(0, "archive_frequency_per_day", "\"NaN\""))), BadRequest, ["/instances/0/archive_frequency_per_day"]);
        yield return new("OneE400", _ => Json(Body(b => b.Set(0, "avg_file_size_mb", "1e400"))), BadRequest, ["/instances/0/avg_file_size_mb"]);

        // Well-formed, invalid values
        yield return new("NegativeCount", _ => Json(Body(b => b.Set(0, "total_files", "-1"))), Invalid, ["/instances/0/total_files"]);
        yield return new("ShareAboveOne", _ => Json(Body(b => b.Set(0, "pct_xlsx", "1.01"))), Invalid, ["/instances/0/pct_xlsx"]);
        yield return new("ShareAsPercent", _ => Json(Body(b => b.Set(0, "pct_pdf", "50"))), Invalid, ["/instances/0/pct_pdf"]);
        yield return new("SharesSumAboveOne", _ => Json(Body(b => b.Set(0, "pct_pdf", "0.7").Set(0, "pct_docx", "0.2").Set(0, "pct_xlsx", "0.2"))), Invalid, ["/instances/0"]);
        foreach (var (name, month) in new[]
        {
            ("Month13", "2024-13-01"), ("MonthOneDigit", "2024-1-01"), ("MonthSlashes", "2024/01/01"),
            ("MonthWords", "Jan 2024"), ("MonthEmpty", ""), ("MonthFullWidthDigits", "２０２４-０１-０１"),
        })
        {
            yield return new(name, _ => Json(Body(b => b.Set(0, "month", $"\"{month}\""))), Invalid, ["/instances/0/month"]);
        }

        yield return new("EmptyBatch", _ => Json("""{"instances":[]}"""), Invalid, ["/instances"]);
        yield return new("ThousandAndOneItems", _ => Json(PredictBodyBuilder.WithInstances(RequestLimits.MaxInstances + 1).Build()), Invalid, ["/instances"]);
        yield return new("OneBadItemAmongGood", _ => Json(PredictBodyBuilder.WithInstances(20).Set(13, "pct_pdf", "1.5").Build()), Invalid, ["/instances/13/pct_pdf"]);
        yield return new("PromoteVersionZero", _ => Keyed(HttpMethod.Post, Promote, TestKeys.Admin, """{"version":0}"""), Invalid, ["/version"]);
        yield return new("PromoteVersionAsString", _ => Keyed(HttpMethod.Post, Promote, TestKeys.Admin, """{"version":"1"}"""), BadRequest, ["/version"]);

        // Keys
        yield return new("KeyMissing", _ => Keyed(HttpMethod.Post, Predict, null, valid), HttpStatusCode.Unauthorized, []);
        yield return new("KeyWrong", _ => Keyed(HttpMethod.Post, Predict, TestKeys.Wrong, valid), HttpStatusCode.Unauthorized, []);
        yield return new("FunctionKeyOnPromote", _ => Keyed(HttpMethod.Post, Promote, TestKeys.Function, """{"version":1}"""), HttpStatusCode.Unauthorized, []);
        yield return new("FunctionKeyOnRollback", _ => Keyed(HttpMethod.Post, $"/api/models/{TrainedStore.DefaultModel}/rollback", TestKeys.Function), HttpStatusCode.Unauthorized, []);
        yield return new("FunctionKeyOnReload", _ => Keyed(HttpMethod.Post, "/api/model/reload", TestKeys.Function), HttpStatusCode.Unauthorized, []);
        yield return new("FunctionKeyOnRetrain", _ => Keyed(HttpMethod.Post, "/api/retrain", TestKeys.Function, $$"""{"model":"x","dataset":"{{TrainedStore.Dataset}}"}"""), HttpStatusCode.Unauthorized, []);

        // Unknown model, version, run
        yield return new("UnknownModelPredict", _ => Keyed(HttpMethod.Post, "/api/models/no-such-model/predict", TestKeys.Function, valid), HttpStatusCode.NotFound, []);
        yield return new("UnknownModelInfo", _ => Keyed(HttpMethod.Get, "/api/models/no-such-model"), HttpStatusCode.NotFound, []);
        yield return new("UnknownModelVersions", _ => Keyed(HttpMethod.Get, "/api/models/no-such-model/versions"), HttpStatusCode.NotFound, []);
        yield return new("UnknownModelPromote", _ => Keyed(HttpMethod.Post, "/api/models/no-such-model/promote", TestKeys.Admin, """{"version":1}"""), HttpStatusCode.NotFound, []);
        yield return new("UnknownModelRollback", _ => Keyed(HttpMethod.Post, "/api/models/no-such-model/rollback", TestKeys.Admin), HttpStatusCode.NotFound, []);
        yield return new("UnknownVersion", _ => Keyed(HttpMethod.Post, Promote, TestKeys.Admin, """{"version":999}"""), HttpStatusCode.NotFound, []);
        yield return new("UnknownRun", _ => Keyed(HttpMethod.Get, "/api/runs/20990101T000000Z-00000000"), HttpStatusCode.NotFound, []);
        yield return new("RunIdWithBadCharacters", _ => Keyed(HttpMethod.Get, "/api/runs/a_b.json"), HttpStatusCode.NotFound, []);
        yield return new("UnknownRoute", _ => Keyed(HttpMethod.Get, "/api/nothing-here"), HttpStatusCode.NotFound, []);

        // Path traversal in model names (sent exactly as written, no client normalisation)
        foreach (var (name, raw) in new[]
        {
            ("DotDotInModelName", "/api/models/../predict"),
            ("EncodedDotDotInModelName", "/api/models/%2e%2e/predict"),
            ("EncodedSlashesInModelName", "/api/models/..%2F..%2Fetc/predict"),
            ("UrlAsModelName", "/api/models/https:%2F%2Fevil.example%2Fm/predict"),
            ("UpperCaseModelName", "/api/models/ARCHIVE-FORECAST/predict"),
        })
        {
            yield return new(name, h => Raw(h, raw, valid), HttpStatusCode.NotFound, []);
        }

        yield return new("DotDotInVersionsRoute", h => Raw(h, "/api/models/%2E%2E/versions", null, HttpMethod.Get), HttpStatusCode.NotFound, []);

        // Path traversal and URLs in dataset paths and retrain model names
        foreach (var (name, dataset) in new[]
        {
            ("DatasetDotDot", "../secrets.csv"), ("DatasetDeepDotDot", "synthetic/../../etc/passwd"),
            ("DatasetUrl", "https://evil.example/data.csv"), ("DatasetEncodedDotDot", "%2e%2e/x.csv"), ("DatasetRooted", "/etc/passwd"),
        })
        {
            yield return new(name, _ => Keyed(HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"model":"{{TrainedStore.DefaultModel}}","dataset":"{{dataset}}"}"""), Invalid, ["/dataset"]);
        }

        yield return new("RetrainModelTraversal", _ => Keyed(HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"model":"../x","dataset":"{{TrainedStore.Dataset}}"}"""), Invalid, ["/model"]);
        yield return new("RetrainUnknownModelWithoutCreate", _ => Keyed(HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"model":"archive-forcast","dataset":"{{TrainedStore.Dataset}}"}"""), HttpStatusCode.NotFound, []);
        yield return new("RetrainMissingDatasetWithoutDefault", _ => Keyed(HttpMethod.Post, "/api/retrain", TestKeys.Admin, """{"model":"archive-forecast"}"""), BadRequest, ["/dataset"]);
        yield return new("RetrainCreateAsString", _ => Keyed(HttpMethod.Post, "/api/retrain", TestKeys.Admin, """{"model":"x","dataset":"a.csv","create":"yes"}"""), BadRequest, ["/create"]);
        yield return new("RetrainUnknownField", _ => Keyed(HttpMethod.Post, "/api/retrain", TestKeys.Admin, """{"model":"x","dataset":"a.csv","promote":"force"}"""), BadRequest, ["/promote"]);
    }

    private static string Body(Func<PredictBodyBuilder, PredictBodyBuilder> change) => change(PredictBodyBuilder.WithInstances(1)).Build();

    private static HttpRequestMessage Json(string body) => Keyed(HttpMethod.Post, Predict, TestKeys.Function, body);

    private static HttpRequestMessage Keyed(HttpMethod method, string path, string? key = TestKeys.Function, string? json = null, string? contentType = null)
    {
        var request = ApiServer.Request(method, path, key, KeyPlace.Header, json);
        if (contentType is not null)
        {
            request.Content!.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return request;
    }

    private static HttpRequestMessage WithContent(string path, HttpContent content, string key = TestKeys.Function)
    {
        var request = ApiServer.Request(HttpMethod.Post, path, key);
        request.Content = content;
        return request;
    }

    private static HttpRequestMessage Raw(ApiServerHandle handle, string rawPath, string? json, HttpMethod? method = null)
    {
        var request = handle.Server.RawRequest(method ?? HttpMethod.Post, rawPath, TestKeys.Function);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static byte[] OverCapBytes()
    {
        // A valid-looking JSON prefix padded with spaces: the cap, not the parser, must refuse it.
        byte[] bytes = new byte[RequestLimits.MaxBodyBytes + 1];
        Array.Fill(bytes, (byte)' ');
        "{\"instances\":"u8.CopyTo(bytes);
        return bytes;
    }

    private static ByteArrayContent OverCap()
    {
        var content = new ByteArrayContent(OverCapBytes());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
