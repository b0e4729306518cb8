using ArchiveForecast.Api.Tests.Builders;
using ArchiveForecast.Api.Tests.Http;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Core.Telemetry;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace ArchiveForecast.Api.Tests.Telemetry;

/// <summary>What <c>serve</c> emits, seen by in-process listeners as an exporter would see it.</summary>
[TestFixture]
[Category("Http")]
public sealed class ServeTelemetryTests
{
    private ApiServer server = null!;
    private TelemetryRecorder recorder = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [SetUp]
    public void Listen()
    {
        var telemetry = server.Server.Services.GetRequiredService<ArchiveForecastTelemetry>();
        recorder = new TelemetryRecorder(telemetry.Meter, telemetry.ActivitySource);
    }

    [TearDown]
    public void StopListening() => recorder.Dispose();

    private IReadOnlyList<RecordedMeasurement> Requests(string route) =>
        [.. recorder.Measurements(TelemetryNames.Instruments.RequestDuration).Where(m => (string?)m.Tag(TelemetryNames.Tags.Route) == route)];

    [Test]
    public void Serve_WithoutAConnectionString_ExportsNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(server.Server.Services.GetService<TelemetryClient>(), Is.Null);
            Assert.That(server.Server.Services.GetService<MeterProvider>(), Is.Null);
        });
    }

    [Test]
    public async Task Predict_RecordsTheRequestByContractRouteMethodAndStatus()
    {
        using var ok = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Build());
        using var invalid = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Set(0, "pct_pdf", "2").Build());
        using var unknown = await server.PredictAsync(PredictBodyBuilder.WithInstances(1).Build(), path: "/api/models/no-such-model/predict");

        var predict = Requests("/api/predict");
        var named = Requests("/api/models/{name}/predict").Single();
        Assert.Multiple(() =>
        {
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(predict.Select(m => m.Tag(TelemetryNames.Tags.StatusCode)), Is.EquivalentTo(new object[] { 200, 422 }));
            Assert.That(predict, Has.All.Matches<RecordedMeasurement>(m => (string?)m!.Tag(TelemetryNames.Tags.Method) == "POST" && m.Value > 0));
            Assert.That(named.Tag(TelemetryNames.Tags.StatusCode), Is.EqualTo(404));
        });
    }

    [Test]
    public async Task Predict_CountsInstancesWithTheServedModelsNameAndVersion()
    {
        using var response = await server.PredictAsync(PredictBodyBuilder.WithInstances(3).Build());

        var counted = recorder.Measurements(TelemetryNames.Instruments.Predictions);
        var batch = recorder.Measurements(TelemetryNames.Instruments.PredictionBatchSize).Single();
        var activity = recorder.Activities.Single(a => a.OperationName == ActivityNames.Predict);
        Assert.Multiple(() =>
        {
            Assert.That(counted.Sum(m => m.Value), Is.EqualTo(3));
            Assert.That(counted.Concat([batch]), Has.All.Matches<RecordedMeasurement>(m =>
                (string?)m!.Tag(TelemetryNames.Tags.ModelName) == TrainedStore.DefaultModel && m.Tag(TelemetryNames.Tags.ModelVersion) is TrainedStore.CurrentVersion));
            Assert.That(batch.Value, Is.EqualTo(3));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.ModelVersion), Is.EqualTo(TrainedStore.CurrentVersion));
        });
    }

    [Test]
    public async Task Predict_CountsOutOfRangeInputsByFeature()
    {
        using var response = await server.PredictAsync(PredictBodyBuilder.WithInstances(2).Set(1, FieldNames.TotalFiles, "900000000").Build());

        var byFeature = recorder.Measurements(TelemetryNames.Instruments.OutOfRangeInputs);
        Assert.Multiple(() =>
        {
            Assert.That(byFeature.Where(m => (string?)m.Tag(TelemetryNames.Tags.Feature) == FieldNames.TotalFiles).Sum(m => m.Value), Is.EqualTo(1));
            Assert.That(byFeature, Has.All.Matches<RecordedMeasurement>(m => m!.Tag(TelemetryNames.Tags.ModelVersion) is TrainedStore.CurrentVersion));
            Assert.That(
                recorder.Measurements(TelemetryNames.Instruments.Predictions).Where(m => m.Tag(TelemetryNames.Tags.OutOfRange) is true).Sum(m => m.Value),
                Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task ModelInfo_ShowsTheDriftOfRecentInputs()
    {
        using (await server.PredictAsync(PredictBodyBuilder.WithInstances(5).Build()))
        {
        }

        using var response = await server.SendAsync(HttpMethod.Get, "/api/model/info", TestKeys.Function);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var drift = json.RootElement.GetProperty("drift");
        var features = drift.GetProperty("features");
        Assert.Multiple(() =>
        {
            Assert.That(drift.GetProperty("window_size").GetInt32(), Is.GreaterThanOrEqualTo(5));
            Assert.That(drift.GetProperty("window_capacity").GetInt32(), Is.EqualTo(1000));
            Assert.That(features.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(FieldNames.NumericInputs));
            Assert.That(features.GetProperty(FieldNames.PctPdf).GetProperty("share_outside").GetDouble(), Is.InRange(0, 1));
            Assert.That(features.GetProperty(FieldNames.PctPdf).GetProperty("psi").GetDouble(), Is.GreaterThan(0), "five inputs cannot spread like the training data");
        });
    }

    [Test]
    public void ServingLogs_NameTheModelAndVersion()
    {
        var swapped = server.Logs.Entries.Where(e => e.EventId == 1100).ToList();

        Assert.That(swapped, Has.Count.GreaterThanOrEqualTo(1).And.All.Matches<CapturedLog>(e =>
            e!.Message.Contains(TrainedStore.DefaultModel, StringComparison.Ordinal)
            && e.Message.Contains($"version {TrainedStore.CurrentVersion}", StringComparison.Ordinal)));
    }
}
