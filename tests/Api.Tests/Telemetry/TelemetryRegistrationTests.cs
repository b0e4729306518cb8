using ArchiveForecast.Api.Telemetry;
using ArchiveForecast.Core.Configuration;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.WorkerService;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Tests.Telemetry;

[TestFixture]
public sealed class TelemetryRegistrationTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    // Only options are resolved: building the telemetry providers would start exporters and resource detectors.
    private static ServiceProvider Compose(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddArchiveForecastTelemetry(configuration, HostProfile.Server);
        return services.BuildServiceProvider();
    }

    [Test]
    public void WithoutAConnectionString_AddsNothing()
    {
        var services = new ServiceCollection();

        services.AddArchiveForecastTelemetry(new ConfigurationBuilder().Build(), HostProfile.Server);

        Assert.That(services, Is.Empty);
    }

    [Test]
    public void WithAConnectionString_ExportsWithItAndNoCredential()
    {
        using var provider = Compose(("APPLICATIONINSIGHTS_CONNECTION_STRING", ConnectionString));

        var options = provider.GetRequiredService<IOptions<ApplicationInsightsServiceOptions>>().Value;
        var exporter = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetService<TelemetryClient>(), Is.Not.Null);
            Assert.That(options.ConnectionString, Is.EqualTo(ConnectionString));
            Assert.That(options.Credential, Is.Null);
            Assert.That(exporter.ConnectionString, Is.EqualTo(ConnectionString));
        });
    }

    [Test]
    public void WithEntraAuthentication_SendsWithTheManagedIdentitysToken()
    {
        using var provider = Compose(
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", ConnectionString),
            ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=AAD;ClientId=11111111-2222-3333-4444-555555555555"));

        var options = provider.GetRequiredService<IOptions<ApplicationInsightsServiceOptions>>().Value;
        var exporter = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.Multiple(() =>
        {
            Assert.That(options.Credential, Is.Not.Null);
            Assert.That(exporter.Credential, Is.SameAs(options.Credential));
        });
    }

    [Test]
    public void WithAMalformedAuthenticationString_FailsAtComposition()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString,
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Authorization=Key",
        }).Build();

        Assert.That(() => new ServiceCollection().AddArchiveForecastTelemetry(configuration, HostProfile.Server), Throws.InvalidOperationException);
    }
}
