using ArchiveForecast.Api.Tests.Builders;
using ArchiveForecast.Api.Tests.Http;
using ArchiveForecast.Core.Telemetry;

namespace ArchiveForecast.Api.Tests.Telemetry;

[TestFixture]
[Category("Http")]
[NonParallelizable]
public sealed class TelemetryExportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Serve_WithAConnectionString_ExportsRequestsAndItsOwnMetrics()
    {
        await using var ingestion = await FakeIngestion.StartAsync();
        var settings = new Dictionary<string, string?>(TestKeys.Settings)
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
            ["ApplicationInsights:EnableQuickPulseMetricStream"] = "false",
            // WorkerService 3.x samples traces at 5 per second by default; this test needs every request, so it turns
            // the rate limit off (an empty value binds as null) and keeps all traces.
            ["ApplicationInsights:TracesPerSecond"] = "",
            ["ApplicationInsights:SamplingRatio"] = "1",
        };
        var server = await ApiServer.StartAsync(settings: settings);
        try
        {
            for (int i = 0; i < 3; i++)
            {
                using var response = await server.PredictAsync(PredictBodyBuilder.WithInstances(2).Build());
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
        }
        finally
        {
            // Stopping the host shuts the telemetry providers down, which flushes every pending item.
            await server.DisposeAsync();
        }

        bool requests = await ingestion.WaitForAsync(item => item.Contains("\"RequestData\"", StringComparison.Ordinal), Patience);
        bool predictions = await ingestion.WaitForAsync(item => item.Contains(TelemetryNames.Instruments.Predictions, StringComparison.Ordinal), Patience);
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, ingestion.Items.Where(i => !i.Contains("MessageData", StringComparison.Ordinal))));
        TestContext.Out.WriteLine("proxied: " + string.Join(", ", ingestion.ProxiedRequests));
        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.True, "no request telemetry arrived");
            Assert.That(predictions, Is.True, "the prediction counter did not arrive");
        });
    }
}
