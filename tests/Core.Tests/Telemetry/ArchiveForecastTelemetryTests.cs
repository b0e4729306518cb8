using System.Diagnostics;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Drift;
using ArchiveForecast.Core.Telemetry;
using ArchiveForecast.Core.Tests.TestData;

namespace ArchiveForecast.Core.Tests.Telemetry;

[TestFixture]
public sealed class ArchiveForecastTelemetryTests
{
    private TelemetryCapture capture = null!;

    [SetUp]
    public void SetUp() => capture = new TelemetryCapture(new DriftTracker(100));

    [TearDown]
    public void TearDown() => capture.Dispose();

    private static ForecastPrediction Flagged(params string[] features) => new(10, 2, features);

    private static object? Version(RecordedMeasurement m) => m.Tag(TelemetryNames.Tags.ModelVersion);

    [Test]
    public void Names_AreTheDocumentedOnes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(capture.Telemetry.Meter.Name, Is.EqualTo("ArchiveForecast"));
            Assert.That(capture.Telemetry.ActivitySource.Name, Is.EqualTo("ArchiveForecast"));
            Assert.That(capture.Telemetry.Meter.Scope, Is.SameAs(capture.MeterFactory));
        });
    }

    [Test]
    public void RecordPredictions_CountsInstancesByModelVersionAndOutOfRange()
    {
        using var model = StubModels.Create(version: 4);
        var inputs = StubModels.AllFields([50, 50, 50]);

        capture.Telemetry.RecordPredictions(model, inputs, [Flagged(), Flagged(FieldNames.PctPdf), Flagged()], TimeSpan.FromMilliseconds(2));

        var counted = capture.Recorder.Measurements(TelemetryNames.Instruments.Predictions);
        Assert.Multiple(() =>
        {
            Assert.That(counted.Sum(m => m.Value), Is.EqualTo(3));
            Assert.That(counted, Has.All.Matches<RecordedMeasurement>(m =>
                (string?)m!.Tag(TelemetryNames.Tags.ModelName) == "archive-forecast" && Version(m) is 4));
            Assert.That(counted.Where(m => m.Tag(TelemetryNames.Tags.OutOfRange) is true).Sum(m => m.Value), Is.EqualTo(1));
            Assert.That(counted.Where(m => m.Tag(TelemetryNames.Tags.OutOfRange) is false).Sum(m => m.Value), Is.EqualTo(2));
        });
    }

    [Test]
    public void RecordPredictions_RecordsTheBatchSizeAndDurationWithModelTags()
    {
        using var model = StubModels.Create(version: 2);

        capture.Telemetry.RecordPredictions(model, StubModels.AllFields([50, 50]), [Flagged(), Flagged()], TimeSpan.FromMilliseconds(3));

        var batch = capture.Recorder.Measurements(TelemetryNames.Instruments.PredictionBatchSize).Single();
        var duration = capture.Recorder.Measurements(TelemetryNames.Instruments.PredictionDuration).Single();
        Assert.Multiple(() =>
        {
            Assert.That(batch.Value, Is.EqualTo(2));
            Assert.That(Version(batch), Is.EqualTo(2));
            Assert.That(duration.Value, Is.EqualTo(0.003).Within(1e-9));
            Assert.That(duration.Tag(TelemetryNames.Tags.ModelName), Is.EqualTo("archive-forecast"));
        });
    }

    [Test]
    public void RecordPredictions_CountsOutOfRangeValuesPerFeature()
    {
        using var model = StubModels.Create(version: 5);
        var results = new[] { Flagged(FieldNames.PctPdf, FieldNames.TotalFiles), Flagged(FieldNames.PctPdf), Flagged() };

        capture.Telemetry.RecordPredictions(model, StubModels.AllFields([50, 50, 50]), results, TimeSpan.Zero);

        var byFeature = capture.Recorder.Measurements(TelemetryNames.Instruments.OutOfRangeInputs)
            .GroupBy(m => (string)m.Tag(TelemetryNames.Tags.Feature)!)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Multiple(() =>
        {
            Assert.That(byFeature, Is.EquivalentTo(new Dictionary<string, double> { [FieldNames.PctPdf] = 2, [FieldNames.TotalFiles] = 1 }));
            Assert.That(capture.Recorder.Measurements(TelemetryNames.Instruments.OutOfRangeInputs), Has.All.Matches<RecordedMeasurement>(m => Version(m!) is 5));
        });
    }

    [Test]
    public void RecordPredictions_FeedsTheModelsDriftWindow()
    {
        using var model = StubModels.Create();

        capture.Telemetry.RecordPredictions(model, StubModels.AllFields([50, 500]), [Flagged(), Flagged()], TimeSpan.Zero);

        Assert.That(capture.Telemetry.Drift.Snapshot(model).WindowSize, Is.EqualTo(2));
    }

    [Test]
    public void DriftGauges_ReportEachFeaturesPsiShareAndTheWindowSize()
    {
        using var model = StubModels.Create(name: "drifty", version: 8);
        capture.Telemetry.RecordPredictions(model, StubModels.AllFields(Enumerable.Repeat(500.0, 20)), [.. Enumerable.Repeat(Flagged(), 20)], TimeSpan.Zero);

        var psi = capture.Recorder.Observe(TelemetryNames.Instruments.DriftPsi);
        var share = capture.Recorder.Measurements(TelemetryNames.Instruments.DriftShareOutside);
        var window = capture.Recorder.Measurements(TelemetryNames.Instruments.DriftWindowSize).Single();

        Assert.Multiple(() =>
        {
            Assert.That(psi.Select(m => m.Tag(TelemetryNames.Tags.Feature)), Is.EquivalentTo(FieldNames.NumericInputs));
            Assert.That(psi, Has.All.Matches<RecordedMeasurement>(m =>
                m!.Value > 0.2 && (string?)m.Tag(TelemetryNames.Tags.ModelName) == "drifty" && Version(m) is 8));
            Assert.That(share, Has.All.Matches<RecordedMeasurement>(m => m!.Value == 1.0));
            Assert.That(window.Value, Is.EqualTo(20));
        });
    }

    [Test]
    public void PredictActivity_CarriesModelAndBatchSize()
    {
        using var model = StubModels.Create(version: 6);

        using (capture.Telemetry.StartPredict(model, 12))
        {
        }

        var activity = capture.Recorder.Activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.OperationName, Is.EqualTo(ActivityNames.Predict));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.ModelName), Is.EqualTo("archive-forecast"));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.ModelVersion), Is.EqualTo(6));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.BatchSize), Is.EqualTo(12));
        });
    }

    [Test]
    public void RecordModelLoaded_RecordsTheDurationAndReportsTheServedVersion()
    {
        using var model = StubModels.Create(name: "m", version: 3);

        using (capture.Telemetry.StartModelLoad("m", 3))
        {
            capture.Telemetry.RecordModelLoaded(model, TimeSpan.FromSeconds(1.5));
        }

        var duration = capture.Recorder.Measurements(TelemetryNames.Instruments.ModelLoadDuration).Single();
        var served = capture.Recorder.Observe(TelemetryNames.Instruments.ServedVersion).Single();
        var activity = capture.Recorder.Activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(duration.Value, Is.EqualTo(1.5));
            Assert.That(duration.Tag(TelemetryNames.Tags.Outcome), Is.EqualTo("success"));
            Assert.That(Version(duration), Is.EqualTo(3));
            Assert.That(served.Value, Is.EqualTo(3));
            Assert.That(served.Tag(TelemetryNames.Tags.ModelName), Is.EqualTo("m"));
            Assert.That(activity.OperationName, Is.EqualTo(ActivityNames.LoadModel));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.Outcome), Is.EqualTo("success"));
        });
    }

    [Test]
    public void ServedVersion_FollowsTheLatestLoad()
    {
        using var first = StubModels.Create(name: "m", version: 3);
        using var second = StubModels.Create(name: "m", version: 2);

        capture.Telemetry.RecordModelLoaded(first, TimeSpan.Zero);
        capture.Telemetry.RecordModelLoaded(second, TimeSpan.Zero);

        Assert.That(capture.Recorder.Observe(TelemetryNames.Instruments.ServedVersion).Single().Value, Is.EqualTo(2));
    }

    [Test]
    public void RecordModelLoadFailed_CountsTheFailureWithItsTypeAndMarksTheActivity()
    {
        var failure = new InvalidDataException("a path that must not leak");

        using (capture.Telemetry.StartModelLoad("m", 9))
        {
            capture.Telemetry.RecordModelLoadFailed("m", 9, failure, TimeSpan.FromMilliseconds(40));
        }

        var counted = capture.Recorder.Measurements(TelemetryNames.Instruments.ModelLoadFailures).Single();
        var duration = capture.Recorder.Measurements(TelemetryNames.Instruments.ModelLoadDuration).Single();
        var activity = capture.Recorder.Activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(counted.Value, Is.EqualTo(1));
            Assert.That(counted.Tag(TelemetryNames.Tags.ModelName), Is.EqualTo("m"));
            Assert.That(Version(counted), Is.EqualTo(9));
            Assert.That(counted.Tag(TelemetryNames.Tags.ErrorType), Is.EqualTo(nameof(InvalidDataException)));
            Assert.That(duration.Tag(TelemetryNames.Tags.Outcome), Is.EqualTo("failure"));
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.StatusDescription, Does.Not.Contain("path"));
        });
    }

    [Test]
    public void RecordModelLoadFailed_WhenTheVersionIsUnknown_LeavesTheVersionOutAndRecordsNoDuration()
    {
        capture.Telemetry.RecordModelLoadFailed("m", null, new IOException(), elapsed: null);

        var counted = capture.Recorder.Measurements(TelemetryNames.Instruments.ModelLoadFailures).Single();
        Assert.Multiple(() =>
        {
            Assert.That(counted.Tags.ContainsKey(TelemetryNames.Tags.ModelVersion), Is.False);
            Assert.That(capture.Recorder.Measurements(TelemetryNames.Instruments.ModelLoadDuration), Is.Empty);
        });
    }

    [Test]
    public void TrainingSignals_CarryModelVersionOutcomeTargetAndDecision()
    {
        var metrics = new ModelMetrics(new RegressionMetrics(1.5, 2.5, 0.9), new RegressionMetrics(0.5, 0.7, 0.8));

        using (capture.Telemetry.StartTraining("m", "run-1"))
        {
            capture.Telemetry.RecordTrainingMetrics("m", 4, metrics);
            capture.Telemetry.RecordGateDecision("m", 4, passed: false, promoted: false);
            capture.Telemetry.RecordTraining("m", 4, "succeeded", TimeSpan.FromSeconds(12));
        }

        var duration = capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingDuration).Single();
        var mae = capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingMae);
        var decision = capture.Recorder.Measurements(TelemetryNames.Instruments.GateDecisions).Single();
        var activity = capture.Recorder.Activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(duration.Value, Is.EqualTo(12));
            Assert.That(duration.Tag(TelemetryNames.Tags.Outcome), Is.EqualTo("succeeded"));
            Assert.That(Version(duration), Is.EqualTo(4));
            Assert.That(mae.ToDictionary(m => (string)m.Tag(TelemetryNames.Tags.Target)!, m => m.Value),
                Is.EquivalentTo(new Dictionary<string, double> { [FieldNames.ArchivedGbNextPeriod] = 1.5, [FieldNames.SavingsGbNextPeriod] = 0.5 }));
            Assert.That(capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingRmse), Has.Count.EqualTo(2));
            Assert.That(capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingRSquared).Select(m => m.Value), Is.EquivalentTo(new[] { 0.9, 0.8 }));
            Assert.That(mae.Concat(capture.Recorder.Measurements(TelemetryNames.Instruments.TrainingRSquared)), Has.All.Matches<RecordedMeasurement>(m =>
                (string?)m!.Tag(TelemetryNames.Tags.ModelName) == "m" && Version(m) is 4));
            Assert.That(decision.Tag(TelemetryNames.Tags.Decision), Is.EqualTo("failed"));
            Assert.That(decision.Tag(TelemetryNames.Tags.Promoted), Is.EqualTo(false));
            Assert.That(Version(decision), Is.EqualTo(4));
            Assert.That(activity.OperationName, Is.EqualTo(ActivityNames.TrainModel));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.RunId), Is.EqualTo("run-1"));
            Assert.That(activity.GetTagItem(TelemetryNames.Tags.ModelVersion), Is.EqualTo(4));
        });
    }

    [Test]
    public void RecordRequest_TagsRouteMethodAndStatus()
    {
        capture.Telemetry.RecordRequest("/api/models/{name}/predict", "POST", 422, TimeSpan.FromMilliseconds(7));

        var request = capture.Recorder.Measurements(TelemetryNames.Instruments.RequestDuration).Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Value, Is.EqualTo(0.007).Within(1e-9));
            Assert.That(request.Tag(TelemetryNames.Tags.Route), Is.EqualTo("/api/models/{name}/predict"));
            Assert.That(request.Tag(TelemetryNames.Tags.Method), Is.EqualTo("POST"));
            Assert.That(request.Tag(TelemetryNames.Tags.StatusCode), Is.EqualTo(422));
        });
    }

    [Test]
    public void Activities_WhenNobodyListens_AreNotCreated()
    {
        using var quiet = new ArchiveForecastTelemetry();
        using var model = StubModels.Create();

        Assert.That(quiet.StartPredict(model, 1), Is.Null);
    }
}
