using System.Globalization;
using System.Net;
using System.Text.Json;
using ArchiveForecast.Api.Hosting;

namespace ArchiveForecast.Integration.Tests.Faults;

/// <summary>The HTTP API on Kestrel over a Blob store that is down when the server starts, and comes back later.</summary>
[Category("Integration")]
[Category("Slow")]
public sealed class BlobHealthFaultTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Test]
    public async Task Health_WhenTheStoreIsDownAtStart_Is503_ThenHealthyWithoutARestartWhenTheStoreReturns()
    {
        // An Azurite of its own: this test stops the store and starts it again, keeping its blobs in a data folder; the
        // shared instance is in memory and serves every other fixture.
        using var data = new TempFolder();
        await using var azurite = await AzuriteInstance.StartAsync(new AzuriteSettings(DataFolder: data.Path));
        var container = $"models-{Guid.NewGuid():N}"[..20];
        await using (var publisher = BlobWorld.Create(azurite, TimeSpan.Zero, container))
        {
            await publisher.TrainAsync(seed: 1);
        }

        await azurite.StopAsync(graceful: true);
        await using var server = ArchiveForecastServer.Create(new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Settings = new Dictionary<string, string?>
            {
                ["ModelStore:ConnectionString"] = azurite.ConnectionString,
                ["ModelStore:ContainerName"] = container,
                ["ModelStore:ReloadInterval"] = TimeSpan.FromSeconds(1).ToString("c", CultureInfo.InvariantCulture),
                ["Auth:FunctionKeys:0"] = "function-key-for-tests",
                ["Auth:AdminKeys:0"] = "admin-key-for-tests",
            },
        });
        await server.StartAsync(CancellationToken.None);
        using var client = new HttpClient { BaseAddress = new Uri(server.Urls[0]) };

        var whileDown = await HealthAsync(client);
        await azurite.RestartAsync();
        var healthy = await Eventually.TrueAsync(async () => (await HealthAsync(client)).Status == HttpStatusCode.OK, Patience, TimeSpan.FromMilliseconds(250));
        var afterwards = await HealthAsync(client);

        await server.StopAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(whileDown.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(whileDown.RetryAfter, Is.Not.Null);
            Assert.That(whileDown.Body, Does.Contain("\"unhealthy\"").And.Not.Contain(azurite.BlobServiceUri.Authority));
            Assert.That(healthy, Is.True, "health did not recover after the store came back");
            Assert.That(afterwards.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JsonDocument.Parse(afterwards.Body).RootElement.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    private static async Task<(HttpStatusCode Status, string Body, string? RetryAfter)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/health");
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.ToString());
    }

}
