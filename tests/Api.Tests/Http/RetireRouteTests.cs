using ArchiveForecast.Api.Tests.Builders;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary><c>POST /api/models/{name}/retire</c>: an admin marks a model name unused; it then answers 404 until a version is published.</summary>
[TestFixture]
[Category("Http")]
public sealed class RetireRouteTests
{
    private static readonly string Retire = $"/api/models/{TrainedStore.SecondModel}/retire";

    private ApiServer server = null!;

    [SetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [Test]
    public async Task Retire_AServedModel_AnswersUnknownEverywhere_ButRetrainingWithCreateRevivesIt()
    {
        using var servedBefore = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Build(), path: $"/api/models/{TrainedStore.SecondModel}/predict");

        using var retire = await server.SendAsync(HttpMethod.Post, Retire, TestKeys.Admin);

        var body = await JsonResponses.ReadAsync(retire);
        using var predict = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Build(), path: $"/api/models/{TrainedStore.SecondModel}/predict");
        using var versions = await server.SendAsync(HttpMethod.Get, $"/api/models/{TrainedStore.SecondModel}/versions", TestKeys.Function);
        using var retrain = await server.SendAsync(HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"model":"{{TrainedStore.SecondModel}}","dataset":"{{TrainedStore.Dataset}}"}""");
        using var create = await server.SendAsync(HttpMethod.Post, "/api/retrain", TestKeys.Admin, $$"""{"model":"{{TrainedStore.SecondModel}}","dataset":"{{TrainedStore.Dataset}}","create":true}""");
        Assert.Multiple(() =>
        {
            Assert.That(servedBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(retire.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("model").GetString(), Is.EqualTo(TrainedStore.SecondModel));
            Assert.That(body.GetProperty("retired").GetBoolean(), Is.True);
            Assert.That(predict.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(versions.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(retrain.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a retired name is not retrained by accident");
            Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "an explicit create revives it");
        });
    }

    [Test]
    public async Task Retire_TheDefaultModel_Is409AndChangesNothing()
    {
        using var retire = await server.SendAsync(HttpMethod.Post, $"/api/models/{TrainedStore.DefaultModel}/retire", TestKeys.Admin);
        using var predict = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Build());

        Assert.Multiple(async () =>
        {
            await ProblemAssert.IsProblemAsync(retire, HttpStatusCode.Conflict);
            Assert.That(predict.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Retire_AnUnknownModel_Is404()
    {
        using var retire = await server.SendAsync(HttpMethod.Post, "/api/models/archive-forcast/retire", TestKeys.Admin);

        await ProblemAssert.IsProblemAsync(retire, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Retire_WithAFunctionKey_Is401AndChangesNothing()
    {
        using var retire = await server.SendAsync(HttpMethod.Post, Retire, TestKeys.Function);
        using var predict = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Build(), path: $"/api/models/{TrainedStore.SecondModel}/predict");

        Assert.Multiple(() =>
        {
            Assert.That(retire.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(predict.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
