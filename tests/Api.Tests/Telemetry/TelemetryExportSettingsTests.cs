using ArchiveForecast.Api.Telemetry;
using Microsoft.Extensions.Configuration;

namespace ArchiveForecast.Api.Tests.Telemetry;

[TestFixture]
public sealed class TelemetryExportSettingsTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    private static TelemetryExportSettings Read(params (string Key, string? Value)[] settings) =>
        TelemetryExportSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Test]
    public void FromConfiguration_WithoutAConnectionString_IsDisabled()
    {
        var settings = Read(("APPLICATIONINSIGHTS_CONNECTION_STRING", "  "));

        Assert.Multiple(() =>
        {
            Assert.That(settings.Enabled, Is.False);
            Assert.That(settings.UseEntraId, Is.False);
        });
    }

    [Test]
    public void FromConfiguration_TakesTheAppSettingBeforeTheSection()
    {
        var settings = Read(("APPLICATIONINSIGHTS_CONNECTION_STRING", ConnectionString), ("ApplicationInsights:ConnectionString", "other"));

        Assert.That(settings.ConnectionString, Is.EqualTo(ConnectionString));
    }

    [Test]
    public void FromConfiguration_FallsBackToTheSection()
    {
        var settings = Read(("ApplicationInsights:ConnectionString", ConnectionString));

        Assert.That(settings.Enabled, Is.True);
    }

    [TestCase("Authorization=AAD", null)]
    [TestCase("authorization=aad", null)]
    [TestCase("Authorization=AAD;ClientId=11111111-2222-3333-4444-555555555555", "11111111-2222-3333-4444-555555555555")]
    [TestCase(" Authorization = AAD ; ClientId = abc ;", "abc")]
    public void ParseAuthentication_AcceptsEntraWithAnOptionalClientId(string value, string? clientId)
    {
        var (useEntraId, parsedClientId) = TelemetryExportSettings.ParseAuthentication(value);

        Assert.Multiple(() =>
        {
            Assert.That(useEntraId, Is.True);
            Assert.That(parsedClientId, Is.EqualTo(clientId));
        });
    }

    [TestCase("Authorization=Key")]
    [TestCase("ClientId=abc")]
    [TestCase("Authorization=AAD;Secret=x")]
    [TestCase("AAD")]
    public void ParseAuthentication_RefusesAnythingElseNamingTheSetting(string value)
    {
        Assert.That(
            () => TelemetryExportSettings.ParseAuthentication(value),
            Throws.InvalidOperationException.With.Message.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
    }
}
