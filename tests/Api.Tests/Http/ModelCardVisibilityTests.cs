namespace ArchiveForecast.Api.Tests.Http;

/// <summary>Function-key clients see the model card without canary rows; admin-key clients see it whole.</summary>
[TestFixture]
[Category("Http")]
public sealed class ModelCardVisibilityTests
{
    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [TestCase("/api/model/info")]
    [TestCase("/api/models/" + TrainedStore.DefaultModel)]
    [TestCase("/api/models/" + TrainedStore.SecondModel)]
    public async Task ModelInfo_WithAFunctionKey_HasNoCanaryRows(string path)
    {
        var info = await JsonResponses.GetAsync(server, path, TestKeys.Function);

        var card = info.GetProperty("card");
        Assert.Multiple(() =>
        {
            Assert.That(card.GetProperty("canaries").GetArrayLength(), Is.Zero);
            Assert.That(card.GetProperty("data").GetProperty("source").GetString(), Does.StartWith("synthetic seed "));
            Assert.That(card.GetProperty("metrics").ValueKind, Is.EqualTo(JsonValueKind.Object), "the rest of the card is there");
            Assert.That(card.GetProperty("data").GetProperty("rows_read").GetInt32(), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task ModelInfo_WithAFunctionKeyInTheQuery_HasNoCanaryRows()
    {
        using var response = await server.Client.GetAsync("/api/model/info?code=" + TestKeys.Function);

        var info = await JsonResponses.ReadAsync(response);

        Assert.That(info.GetProperty("card").GetProperty("canaries").GetArrayLength(), Is.Zero);
    }

    [TestCase("/api/model/info")]
    [TestCase("/api/models/" + TrainedStore.SecondModel)]
    public async Task ModelInfo_WithAnAdminKey_HasTheFullCard(string path)
    {
        var info = await JsonResponses.GetAsync(server, path, TestKeys.Admin);

        var canaries = info.GetProperty("card").GetProperty("canaries");
        Assert.Multiple(() =>
        {
            Assert.That(canaries.GetArrayLength(), Is.GreaterThan(0));
            Assert.That(canaries[0].GetProperty("input").GetProperty("month").GetString(), Does.Match(@"^\d{4}-\d{2}-01$"));
        });
    }

    [Test]
    public async Task ModelInfo_WithAWrongKeyInTheQueryAndAnAdminKeyInTheHeader_UsesTheHeader()
    {
        using var request = ApiServer.Request(HttpMethod.Get, "/api/model/info?code=" + TestKeys.Wrong, TestKeys.Admin);

        using var response = await server.Client.SendAsync(request);
        var info = await JsonResponses.ReadAsync(response);

        Assert.That(info.GetProperty("card").GetProperty("canaries").GetArrayLength(), Is.GreaterThan(0));
    }
}
