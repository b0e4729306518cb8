using ArchiveForecast.HttpForecast.Functions.Http;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Http;

[TestFixture]
public sealed class PredictFunctionTests : ServedModelFixture
{
    [Test]
    public async Task Predict_WithValidInstances_Returns200WithOnePredictionPerInstanceAndTheModelVersion()
    {
        var request = HttpRequestBuilder.Post("/api/predict")
            .WithJson(PredictBodies.Of(PredictBodies.Instance(), PredictBodies.Instance(month: "2026-12-01")));

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PredictAsync(r, CancellationToken.None));
        var json = answer.Json;
        var predictions = json["predictions"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
            Assert.That(answer.ContentType, Does.StartWith("application/json"));
            Assert.That(json["model"]?["name"]?.GetValue<string>(), Is.EqualTo(ModelName.Default));
            Assert.That(json["model"]?["version"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(predictions, Has.Count.EqualTo(2));
            foreach (var prediction in predictions)
            {
                Assert.That(prediction?["archived_gb_next_period"]?.GetValue<double>(), Is.GreaterThan(0));
                Assert.That(prediction?["savings_gb_next_period"]?.GetValue<double>(), Is.GreaterThan(0));
                Assert.That(prediction?["out_of_range"], Is.Not.Null);
            }
        });
    }

    [Test]
    public async Task Predict_WithALevel_AnswersRangesAtThatLevelAroundEachForecast()
    {
        var request = HttpRequestBuilder.Post("/api/predict").WithQuery("?level=0.9").WithJson(PredictBodies.Of(PredictBodies.Instance()));

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PredictAsync(r, CancellationToken.None));
        var prediction = answer.Json["predictions"]![0]!;
        var range = prediction["intervals"]?["archived_gb_next_period"];

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
            Assert.That(prediction["intervals"]?["level"]?.GetValue<double>(), Is.EqualTo(0.9));
            Assert.That(range?["lower"]?.GetValue<double>(), Is.LessThan(prediction["archived_gb_next_period"]!.GetValue<double>()));
            Assert.That(range?["upper"]?.GetValue<double>(), Is.GreaterThan(prediction["archived_gb_next_period"]!.GetValue<double>()));
        });
    }

    [Test]
    public async Task Predict_WithAnUnsupportedLevel_Returns422()
    {
        var request = HttpRequestBuilder.Post("/api/predict").WithQuery("?level=0.99").WithJson(PredictBodies.Of(PredictBodies.Instance()));

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PredictAsync(r, CancellationToken.None));

        Assert.That(answer.Status, Is.EqualTo(422));
    }

    [Test]
    public async Task Predict_WithAnInvalidInstanceAmongValidOnes_Returns422ProblemPointingAtIt()
    {
        var request = HttpRequestBuilder.Post("/api/predict")
            .WithJson(PredictBodies.Of(PredictBodies.Instance(), PredictBodies.Instance(pctPdf: 50)));

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PredictAsync(r, CancellationToken.None));
        var errors = answer.Json["errors"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(422));
            Assert.That(answer.ContentType, Does.StartWith("application/problem+json"));
            Assert.That(answer.Json["status"]?.GetValue<int>(), Is.EqualTo(422));
            Assert.That(errors.Select(e => e?["pointer"]?.GetValue<string>()), Has.Member("/instances/1/pct_pdf"));
        });
    }

    [Test]
    public async Task Predict_WithTruncatedJson_Returns400Problem()
    {
        var request = HttpRequestBuilder.Post("/api/predict").WithJson("""{"instances":[{"month":"2026-03-01",""");

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PredictAsync(r, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That(answer.ContentType, Does.StartWith("application/problem+json"));
        });
    }

    [Test]
    public async Task Predict_WithoutAJsonContentType_Returns415Problem()
    {
        var request = HttpRequestBuilder.Post("/api/predict").WithBody(PredictBodies.Of(PredictBodies.Instance()), "text/plain");

        var answer = await App.SendAsync<HttpFunctions>(request, (f, r) => f.PredictAsync(r, CancellationToken.None));

        Assert.That(answer.Status, Is.EqualTo(415));
    }

    [Test]
    public async Task PredictModel_PassesTheRouteNameToTheHandler()
    {
        var body = PredictBodies.Of(PredictBodies.Instance());

        var known = await App.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post($"/api/models/{ModelName.Default}/predict").WithJson(body),
            (f, r) => f.PredictModelAsync(r, ModelName.Default, CancellationToken.None));
        var unknown = await App.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post("/api/models/no-such-model/predict").WithJson(body),
            (f, r) => f.PredictModelAsync(r, "no-such-model", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(known.Status, Is.EqualTo(200), known.Body);
            Assert.That(unknown.Status, Is.EqualTo(404));
            Assert.That(unknown.ContentType, Does.StartWith("application/problem+json"));
        });
    }
}
