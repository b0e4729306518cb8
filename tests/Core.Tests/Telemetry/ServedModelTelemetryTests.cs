using System.Diagnostics;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Drift;
using ArchiveForecast.Core.Telemetry;

namespace ArchiveForecast.Core.Tests.Telemetry;

[TestFixture]
public sealed class ServedModelTelemetryTests
{
    private const string Model = ModelName.Default;

    private FolderRegistry folder = null!;
    private TelemetryCapture capture = null!;
    private ServedModel served = null!;

    [SetUp]
    public void SetUp()
    {
        folder = new FolderRegistry();
        capture = new TelemetryCapture(new DriftTracker(100));
        served = new ServedModel(ModelName.Parse(Model), folder.Registry, TimeProvider.System, telemetry: capture.Telemetry);
    }

    [TearDown]
    public void TearDown()
    {
        capture.Dispose();
        folder.Dispose();
    }

    [Test]
    public async Task Reload_WhenAVersionLoads_RecordsTheLoadAndReportsTheServedVersion()
    {
        await PublishAndPromoteAsync();

        await served.ReloadAsync(force: false, CancellationToken.None);

        var duration = capture.Recorder.Measurements(TelemetryNames.Instruments.ModelLoadDuration).Single();
        var version = capture.Recorder.Observe(TelemetryNames.Instruments.ServedVersion).Single();
        var activity = capture.Recorder.Activities.Single(a => a.OperationName == ActivityNames.LoadModel);
        Assert.Multiple(() =>
        {
            Assert.That(duration.Tag(TelemetryNames.Tags.ModelName), Is.EqualTo(Model));
            Assert.That(duration.Tag(TelemetryNames.Tags.ModelVersion), Is.EqualTo(1));
            Assert.That(duration.Tag(TelemetryNames.Tags.Outcome), Is.EqualTo("success"));
            Assert.That(duration.Value, Is.GreaterThan(0));
            Assert.That(version.Value, Is.EqualTo(1));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.ModelVersion), Is.EqualTo(1));
            Assert.That(capture.Recorder.Measurements(TelemetryNames.Instruments.ModelLoadFailures), Is.Empty);
        });
    }

    [Test]
    public async Task Reload_WhenModelZipIsCorrupt_CountsAFailureOfThatVersionAndKeepsNoServedVersion()
    {
        await PublishAndPromoteAsync();
        string path = $"{Model}/versions/1/{ArtifactFiles.Model}";
        var bytes = (await folder.Store.ReadAsync(path, long.MaxValue, CancellationToken.None))!.Content.ToArray();
        bytes[bytes.Length / 2] ^= 0x01;
        await folder.Store.WriteAsync(path, bytes, WritePrecondition.None, CancellationToken.None);

        await served.ReloadAsync(force: false, CancellationToken.None);

        var failure = capture.Recorder.Measurements(TelemetryNames.Instruments.ModelLoadFailures).Single();
        var activity = capture.Recorder.Activities.Single(a => a.OperationName == ActivityNames.LoadModel);
        Assert.Multiple(() =>
        {
            Assert.That(failure.Tag(TelemetryNames.Tags.ModelName), Is.EqualTo(Model));
            Assert.That(failure.Tag(TelemetryNames.Tags.ModelVersion), Is.EqualTo(1));
            Assert.That(failure.Tag(TelemetryNames.Tags.ErrorType), Is.EqualTo(nameof(ArtifactVerificationException)));
            Assert.That(capture.Recorder.Measurements(TelemetryNames.Instruments.ModelLoadDuration).Single().Tag(TelemetryNames.Tags.Outcome), Is.EqualTo("failure"));
            Assert.That(capture.Recorder.Observe(TelemetryNames.Instruments.ServedVersion), Is.Empty);
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
        });
    }

    private async Task PublishAndPromoteAsync()
    {
        var manifest = await folder.Registry.PublishAsync(ModelName.Parse(Model), PublishableModels.First(Model, "run-1"), CancellationToken.None);
        var result = await folder.Registry.PromoteAsync(ModelName.Parse(Model), manifest.Version, null, "test", "arrange", CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Changed), "arranging a promote");
    }
}
