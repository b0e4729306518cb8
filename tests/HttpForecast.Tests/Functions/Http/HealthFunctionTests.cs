using ArchiveForecast.HttpForecast.Functions.Http;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Http;

[TestFixture]
public sealed class HealthFunctionTests
{
    [Test]
    public async Task Health_WithoutAModel_Returns503Unhealthy()
    {
        await using var app = await FunctionsApp.Create().StartAsync();

        var answer = await app.SendAsync<HttpFunctions>(HttpRequestBuilder.Get("/api/health"), (f, r) => f.HealthAsync(r, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(503));
            Assert.That(answer.Json["status"]?.GetValue<string>(), Is.EqualTo("unhealthy"));
            Assert.That(answer.Json["reason"]?.GetValue<string>(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Health_WithAServedModel_Returns200HealthyWithItsVersion()
    {
        await using var app = await FunctionsApp.Create().StartAsync();
        await app.TrainAndServeDefaultModelAsync();

        var answer = await app.SendAsync<HttpFunctions>(HttpRequestBuilder.Get("/api/health"), (f, r) => f.HealthAsync(r, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(answer.Json["status"]?.GetValue<string>(), Is.EqualTo("healthy"));
            Assert.That(answer.Json["model"]?["name"]?.GetValue<string>(), Is.EqualTo(ModelName.Default));
            Assert.That(answer.Json["model"]?["version"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(answer.Json["model"]?["loaded_at"], Is.Not.Null);
        });
    }
}
