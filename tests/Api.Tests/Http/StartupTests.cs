using ArchiveForecast.Api.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Tests.Http;

[TestFixture]
[Category("Http")]
public sealed class StartupTests
{
    [Test]
    public async Task Start_WithoutKeysAndWithoutTheFlag_RefusesNamingTheSettings()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(
            async () => await ApiServer.StartAsync(trained: false, settings: new Dictionary<string, string?>()));

        Assert.That(refused!.Message, Does.Contain("Auth__FunctionKeys__0").And.Contain("--allow-anonymous"));
    }

    [Test]
    public async Task Start_WithAShortKey_RefusesNamingTheSetting()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(
            async () => await ApiServer.StartAsync(trained: false, settings: new Dictionary<string, string?> { ["Auth:FunctionKeys:0"] = "short" }));

        Assert.That(refused!.Message, Does.Contain("Auth:FunctionKeys:0"));
    }

    [Test]
    public async Task Start_WithAllowAnonymous_ServesAdminRoutesWithoutKeyAndLogsItLoudly()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string?>(), allowAnonymous: true);

        using var reload = await server.SendAsync(HttpMethod.Post, "/api/model/reload");

        Assert.Multiple(() =>
        {
            Assert.That(reload.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(server.Logs.Entries.Where(e => e.EventId == 3006).Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Critical }));
        });
    }

    [Test]
    public async Task Start_LogsTheListeningAddressOnLoopback()
    {
        await using var server = await ApiServer.StartAsync(trained: false);

        Assert.Multiple(() =>
        {
            Assert.That(server.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(server.Logs.Entries.Single(e => e.EventId == 3007).Message, Does.Contain(server.BaseAddress.GetLeftPart(UriPartial.Authority)));
        });
    }

    [Test]
    public void ServerOptions_DefaultUrl_IsLoopbackPort8080() =>
        Assert.That(new ServerOptions().Urls, Is.EqualTo(new[] { "http://127.0.0.1:8080" }));

    [TestCase("./models", "ModelStore:Path")]
    [TestCase("/var/lib/models", "ModelStore:Path")]
    [TestCase("https://account.blob.core.windows.net/models", "ModelStore:ContainerUri")]
    [TestCase("http://127.0.0.1:10000/devstoreaccount1/models", "ModelStore:ContainerUri")]
    public void Overrides_Store_IsAFolderOrAContainerAndHidesTheOtherKinds(string store, string setting)
    {
        var overrides = ArchiveForecastServer.Overrides(new ServerOptions { Store = store });

        Assert.Multiple(() =>
        {
            Assert.That(overrides, Does.ContainKey(setting).WithValue(store));
            Assert.That(overrides.Where(o => o.Key != setting).Select(o => o.Value), Has.All.Null);
            Assert.That(overrides.Keys, Does.Contain("ModelStore:ConnectionString"));
        });
    }

    [Test]
    public void Overrides_FlagsWinAndSettingsWinOverFlags()
    {
        var overrides = ArchiveForecastServer.Overrides(new ServerOptions
        {
            ModelName = "other",
            AllowAnonymous = true,
            Settings = new Dictionary<string, string?> { ["Auth:FunctionKeys:0"] = "k" },
        });

        Assert.Multiple(() =>
        {
            Assert.That(overrides["ModelStore:ModelName"], Is.EqualTo("other"));
            Assert.That(overrides["Auth:AllowAnonymous"], Is.EqualTo("true"));
            Assert.That(overrides["Auth:FunctionKeys:0"], Is.EqualTo("k"));
        });
    }
}
