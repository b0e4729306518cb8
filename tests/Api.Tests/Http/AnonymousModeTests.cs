using ArchiveForecast.Api.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// Running without keys is loud whatever turned it on: a critical log at start and <c>"anonymous": true</c> in
/// <c>/api/health</c>, for the flag, a setting and an environment variable alike.
/// </summary>
[TestFixture]
[Category("Http")]
[NonParallelizable]
public sealed class AnonymousModeTests
{
    private const string EnvironmentVariable = "Auth__AllowAnonymous";

    [Test]
    public async Task Start_AnonymousFromASetting_LogsCriticalAndHealthSaysSo()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = "true" });

        await AssertAnonymousAsync(server);
    }

    [Test]
    public async Task Start_AnonymousFromAnEnvironmentVariable_LogsCriticalAndHealthSaysSo()
    {
        Environment.SetEnvironmentVariable(EnvironmentVariable, "true");
        try
        {
            await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string?>());

            await AssertAnonymousAsync(server);
        }
        finally
        {
            Environment.SetEnvironmentVariable(EnvironmentVariable, null);
        }
    }

    [Test]
    public async Task Start_WithKeys_HealthSaysNotAnonymousAndNothingCriticalIsLogged()
    {
        await using var server = await ApiServer.StartAsync();

        var health = await JsonResponses.GetAsync(server, "/api/health", key: null);

        Assert.Multiple(() =>
        {
            Assert.That(health.GetProperty("anonymous").GetBoolean(), Is.False);
            Assert.That(server.Logs.Entries.Where(e => e.Level == LogLevel.Critical), Is.Empty);
            Assert.That(server.Logs.Entries.Where(e => e.EventId == 3014), Is.Empty, "loopback is not warned about");
        });
    }

    [TestCase("http://0.0.0.0:8080", true)]
    [TestCase("http://[::]:8080", true)]
    [TestCase("http://*:8080", true)]
    [TestCase("http://+:8080", true)]
    [TestCase("http://10.1.2.3:8080", true)]
    [TestCase("http://myhost.example:8080", true)]
    [TestCase("HTTP://0.0.0.0:80/", true)]
    [TestCase("http://127.0.0.1:8080", false)]
    [TestCase("http://127.0.0.2:8080", false)]
    [TestCase("http://[::1]:8080", false)]
    [TestCase("http://localhost:8080", false)]
    [TestCase("https://0.0.0.0:8443", false)]
    public void IsPlainHttpBeyondLoopback_TellsExposedPlainHttp(string url, bool exposed) =>
        Assert.That(ListenAddress.IsPlainHttpBeyondLoopback(url), Is.EqualTo(exposed));

    private static async Task AssertAnonymousAsync(ApiServer server)
    {
        var health = await JsonResponses.GetAsync(server, "/api/health", key: null);
        using var reload = await server.SendAsync(HttpMethod.Post, "/api/model/reload");

        Assert.Multiple(() =>
        {
            Assert.That(health.GetProperty("anonymous").GetBoolean(), Is.True);
            Assert.That(server.Logs.Entries.Where(e => e.EventId == 3006).Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Critical }));
            Assert.That(server.Server.AllowAnonymous, Is.True);
            Assert.That(reload.StatusCode, Is.EqualTo(HttpStatusCode.OK), "admin routes are open");
        });
    }
}
