using ArchiveForecast.Core.Schema;
using ArchiveForecast.Core.Telemetry;

namespace ArchiveForecast.Training.Tests.Jobs;

[TestFixture]
public sealed class TrainingTelemetryTests
{
    private TrainingHarness harness = null!;
    private TelemetryCapture capture = null!;

    [SetUp]
    public void SetUp()
    {
        harness = new TrainingHarness();
        capture = new TelemetryCapture();
    }

    [TearDown]
    public void TearDown()
    {
        capture.Dispose();
        harness.Dispose();
    }

    private static bool OfVersion(RecordedMeasurement m, int version) =>
        (string?)m.Tag(TelemetryNames.Tags.ModelName) == TrainingHarness.Model && m.Tag(TelemetryNames.Tags.ModelVersion) is int v && v == version;

    [Test]
    public async Task Run_WhenAVersionIsPublished_RecordsDurationMetricsAndGateWithTheVersion()
    {
        var result = await harness.Runner(capture.Telemetry).RunAsync(TrainingHarness.Request(TrainingHarness.Csv()), CancellationToken.None);

        var duration = capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingDuration).Single();
        var mae = capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingMae);
        var decision = capture.Recorder.Measurements(TelemetryNames.Instruments.GateDecisions).Single();
        var activity = capture.Recorder.Activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Run.Version, Is.EqualTo(1));
            Assert.That(OfVersion(duration, 1), Is.True);
            Assert.That(duration.Tag(TelemetryNames.Tags.Outcome), Is.EqualTo("succeeded"));
            Assert.That(mae.Select(m => m.Tag(TelemetryNames.Tags.Target)), Is.EquivalentTo(FieldNames.Targets));
            Assert.That(mae.Select(m => m.Value), Is.EqualTo(new[]
            {
                result.Run.Metrics!.ArchivedGbNextPeriod.Mae,
                result.Run.Metrics.SavingsGbNextPeriod.Mae,
            }));
            Assert.That(mae.Concat(capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingRSquared)), Has.All.Matches<RecordedMeasurement>(m => OfVersion(m!, 1)));
            Assert.That(OfVersion(decision, 1), Is.True);
            Assert.That(decision.Tag(TelemetryNames.Tags.Decision), Is.EqualTo("passed"));
            Assert.That(decision.Tag(TelemetryNames.Tags.Promoted), Is.EqualTo(true));
            Assert.That(activity.OperationName, Is.EqualTo(ActivityNames.TrainModel));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.RunId), Is.EqualTo(result.Run.RunId));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.ModelVersion), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Run_WhenTheGateRefusesTheCandidate_CountsAFailedDecisionNotPromoted()
    {
        await harness.TrainAsync(TrainingHarness.Csv());

        await harness.Runner(capture.Telemetry).RunAsync(TrainingHarness.Request(TrainingHarness.Csv(), TrainingHarness.Weak), CancellationToken.None);

        var decision = capture.Recorder.Measurements(TelemetryNames.Instruments.GateDecisions).Single();
        Assert.Multiple(() =>
        {
            Assert.That(OfVersion(decision, 2), Is.True);
            Assert.That(decision.Tag(TelemetryNames.Tags.Decision), Is.EqualTo("failed"));
            Assert.That(decision.Tag(TelemetryNames.Tags.Promoted), Is.EqualTo(false));
        });
    }

    [Test]
    public async Task Run_WhenTheDataIsInvalid_RecordsTheOutcomeWithoutAVersionOrMetrics()
    {
        var empty = TrainingHarness.Bytes(TrainingHarness.CsvText(rows: 0), "empty.csv");

        await harness.Runner(capture.Telemetry).RunAsync(TrainingHarness.Request(empty), CancellationToken.None);

        var duration = capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingDuration).Single();
        Assert.Multiple(() =>
        {
            Assert.That(duration.Tag(TelemetryNames.Tags.Outcome), Is.EqualTo("invalid_data"));
            Assert.That(duration.Tag(TelemetryNames.Tags.ModelName), Is.EqualTo(TrainingHarness.Model));
            Assert.That(duration.Tags.ContainsKey(TelemetryNames.Tags.ModelVersion), Is.False);
            Assert.That(capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingMae), Is.Empty);
            Assert.That(capture.Recorder.Measurements(TelemetryNames.Instruments.GateDecisions), Is.Empty);
            Assert.That(capture.Recorder.Activities.Single().Status, Is.EqualTo(System.Diagnostics.ActivityStatusCode.Error));
        });
    }
}
