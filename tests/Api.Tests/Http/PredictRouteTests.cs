using ArchiveForecast.Api.Tests.Builders;

namespace ArchiveForecast.Api.Tests.Http;

[TestFixture]
[Category("Http")]
public sealed class PredictRouteTests
{
    private const string PythonEraRequest =
        """{"instances":[{"month":"2025-07-01","total_files":120000,"avg_file_size_mb":1.2,"pct_pdf":0.4,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":15}]}""";

    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [Test]
    public async Task Predict_PythonEraRequest_AnswersInTheContractsSnakeCase()
    {
        using var response = await server.PredictAsync(PythonEraRequest);

        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var prediction = root.GetProperty("predictions").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "model", "predictions" }));
            Assert.That(root.GetProperty("model").GetProperty("name").GetString(), Is.EqualTo(TrainedStore.DefaultModel));
            Assert.That(root.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(prediction.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "archived_gb_next_period", "savings_gb_next_period", "out_of_range", "intervals" }));
            Assert.That(prediction.GetProperty("archived_gb_next_period").GetDouble(), Is.GreaterThan(0));
            Assert.That(prediction.GetProperty("savings_gb_next_period").GetDouble(), Is.GreaterThan(0));
            Assert.That(prediction.GetProperty("out_of_range").ValueKind, Is.EqualTo(JsonValueKind.Array));
        });
    }

    [Test]
    public async Task Predict_Batch_AnswersOnePredictionPerInstanceInOrder()
    {
        var builder = PredictBodyBuilder.WithInstances(50);
        for (int i = 0; i < 50; i++)
        {
            builder.Set(i, "total_files", (1000 * (i + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var batch = await server.PredictAsync(builder.Build());
        using var single = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Set(0, "total_files", "50000").Build());

        using var batchJson = JsonDocument.Parse(await batch.Content.ReadAsStringAsync());
        using var singleJson = JsonDocument.Parse(await single.Content.ReadAsStringAsync());
        var predictions = batchJson.RootElement.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(batch.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(predictions, Has.Count.EqualTo(50));
            Assert.That(
                predictions[49].GetProperty("archived_gb_next_period").GetDouble(),
                Is.EqualTo(singleJson.RootElement.GetProperty("predictions")[0].GetProperty("archived_gb_next_period").GetDouble()).Within(1e-6),
                "the batch path and the single path agree on the same input");
        });
    }

    [Test]
    public async Task Predict_ExplainTrue_AddsContributionsPerTarget()
    {
        using var response = await server.PredictAsync(PythonEraRequest, path: "/api/predict?explain=true");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var explanation = json.RootElement.GetProperty("predictions")[0].GetProperty("explanation");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(explanation.GetProperty("archived_gb_next_period").EnumerateObject().Select(p => p.Name), Does.Contain("total_files"));
            Assert.That(explanation.GetProperty("savings_gb_next_period").EnumerateObject().Count(), Is.EqualTo(Core.Features.FeatureSchema.Count));
        });
    }

    [Test]
    public async Task Predict_ExplainTrue_ContributionsPlusTheBaseAddUpToTheForecastInLogSpace()
    {
        using var response = await server.PredictAsync(PythonEraRequest, path: "/api/predict?explain=true");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var prediction = json.RootElement.GetProperty("predictions")[0];
        var explanation = prediction.GetProperty("explanation");
        Assert.Multiple(() =>
        {
            foreach (string target in new[] { "archived_gb_next_period", "savings_gb_next_period" })
            {
                double sum = explanation.GetProperty(target).EnumerateObject().Sum(p => p.Value.GetDouble());
                double baseValue = explanation.GetProperty("base").GetProperty(target).GetDouble();
                double forecastLog = Math.Log(prediction.GetProperty(target).GetDouble() + 0.001);
                Assert.That(baseValue + sum, Is.EqualTo(forecastLog).Within(1e-3), target);
            }
        });
    }

    [Test]
    public async Task Predict_CarriesARangeAroundEachForecast_AtTheDefaultLevel()
    {
        using var response = await server.PredictAsync(PythonEraRequest);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var prediction = json.RootElement.GetProperty("predictions")[0];
        var intervals = prediction.GetProperty("intervals");
        Assert.Multiple(() =>
        {
            Assert.That(intervals.GetProperty("level").GetDouble(), Is.EqualTo(0.8));
            foreach (string target in new[] { "archived_gb_next_period", "savings_gb_next_period" })
            {
                double point = prediction.GetProperty(target).GetDouble();
                var range = intervals.GetProperty(target);
                Assert.That(range.GetProperty("lower").GetDouble(), Is.GreaterThanOrEqualTo(0).And.LessThan(point), target);
                Assert.That(range.GetProperty("upper").GetDouble(), Is.GreaterThan(point), target);
            }
        });
    }

    [Test]
    public async Task Predict_AHigherLevel_GivesAWiderRange()
    {
        using var narrow = await server.PredictAsync(PythonEraRequest, path: "/api/predict?level=0.5");
        using var wide = await server.PredictAsync(PythonEraRequest, path: "/api/predict?level=0.95");

        static (double Level, double Width) Read(string text)
        {
            using var json = JsonDocument.Parse(text);
            var intervals = json.RootElement.GetProperty("predictions")[0].GetProperty("intervals");
            var range = intervals.GetProperty("archived_gb_next_period");
            return (intervals.GetProperty("level").GetDouble(), range.GetProperty("upper").GetDouble() - range.GetProperty("lower").GetDouble());
        }

        var (narrowLevel, narrowWidth) = Read(await narrow.Content.ReadAsStringAsync());
        var (wideLevel, wideWidth) = Read(await wide.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That((narrowLevel, wideLevel), Is.EqualTo((0.5, 0.95)));
            Assert.That(wideWidth, Is.GreaterThan(narrowWidth));
        });
    }

    [TestCase("0.7")]
    [TestCase("1")]
    [TestCase("80")]
    [TestCase("abc")]
    [TestCase("")]
    [TestCase("0.8&level=0.9")]
    public async Task Predict_AnUnsupportedLevel_Is422NamingTheLevels(string level)
    {
        using var response = await server.PredictAsync(PythonEraRequest, path: $"/api/predict?level={level}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("0.5, 0.8, 0.9, 0.95"));
    }

    [Test]
    public async Task Predict_ExplainNotABoolean_Is400()
    {
        using var response = await server.PredictAsync(PythonEraRequest, path: "/api/predict?explain=yes");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Predict_NamedModel_AnswersWithThatModel()
    {
        using var response = await server.PredictAsync(PythonEraRequest, path: $"/api/models/{TrainedStore.SecondModel}/predict");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json.RootElement.GetProperty("model").GetProperty("name").GetString(), Is.EqualTo(TrainedStore.SecondModel));
            Assert.That(json.RootElement.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Predict_OutOfTrainingRange_FlagsTheField()
    {
        using var response = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Set(0, "total_files", "900000000").Build());

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(
            json.RootElement.GetProperty("predictions")[0].GetProperty("out_of_range").EnumerateArray().Select(e => e.GetString()),
            Does.Contain("total_files"));
    }

    [Test]
    public async Task Predict_CharsetUtf8InContentType_IsAccepted()
    {
        using var request = ApiServer.Request(HttpMethod.Post, "/api/predict", TestKeys.Function, json: PythonEraRequest);
        request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        using var response = await server.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
