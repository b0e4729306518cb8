using ArchiveForecast.Api.Tests.Builders;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>A server over an empty store: nothing is served yet.</summary>
[TestFixture]
[Category("Http")]
public sealed class NoModelTests
{
    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => this.server = await ApiServer.StartAsync(trained: false);

    [OneTimeTearDown]
    public async Task StopServer() => await this.server.DisposeAsync();

    [Test]
    public async Task Health_NoModel_Returns503WithStatusReasonAndRetryAfter()
    {
        using var response = await this.server.SendAsync(HttpMethod.Get, "/api/health");

        var health = await JsonResponses.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Multiple(() =>
        {
            Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(health.GetProperty("reason").GetString(), Does.Contain("no promoted version"));
            Assert.That(health.TryGetProperty("model", out _), Is.False);
            Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task Predict_NoModel_Returns503ProblemWithRetryAfter()
    {
        using var response = await this.server.PredictAsync(PredictBodyBuilder.WithInstances(1).Build());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/model-unavailable"));
            Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        });
    }

    [Test]
    public async Task Predict_NoModelAndABadBody_StillReportsTheBody()
    {
        using var response = await this.server.PredictAsync(PredictBodyBuilder.WithInstances(1).Set(0, "pct_pdf", "50").Build());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/instances/0/pct_pdf");
    }

    [Test]
    public async Task ModelInfo_NoModel_Returns503()
    {
        using var response = await this.server.SendAsync(HttpMethod.Get, "/api/model/info", TestKeys.Function);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
    }

    [Test]
    public async Task Reload_NoPointer_Returns503()
    {
        using var response = await this.server.SendAsync(HttpMethod.Post, "/api/model/reload", TestKeys.Admin);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
    }

    [Test]
    public async Task Versions_ModelNeverTrained_Returns404()
    {
        using var response = await this.server.SendAsync(HttpMethod.Get, "/api/models/archive-forecast/versions", TestKeys.Function);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
