namespace ArchiveForecast.Api.Tests.Http;

[TestFixture]
[Category("Http")]
public sealed class UnexpectedErrorTests
{
    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [Test]
    public async Task CorruptPointer_Returns500ProblemWithoutInternals_AndLogsTheException()
    {
        await File.WriteAllTextAsync(Path.Combine(server.ModelsPath, TrainedStore.SecondModel, "current.json"), "{ not json");

        using var response = await server.SendAsync(HttpMethod.Get, $"/api/models/{TrainedStore.SecondModel}/versions", TestKeys.Function);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        string text = problem.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/unexpected"));
            Assert.That(text, Does.Not.Contain("current.json").And.Not.Contain(server.Root).And.Not.Contain("InvalidData"));
            Assert.That(
                server.Logs.Entries.Where(e => e.EventId == 3000).Select(e => e.Message),
                Has.Some.Contains(problem.GetProperty("trace_id").GetString()!));
        });
    }

    [Test]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var response = await server.SendAsync(HttpMethod.Get, "/nothing");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
