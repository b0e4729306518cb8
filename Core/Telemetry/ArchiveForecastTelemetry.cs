using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Drift;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Releases;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Telemetry;

/// <summary>
/// ArchiveForecast's metrics and activities: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, both named <see cref="MeterName"/>, with every instrument created once.
/// Every prediction, model and training signal carries <see cref="TelemetryNames.Tags.ModelName"/> and, where a version is
/// known, <see cref="TelemetryNames.Tags.ModelVersion"/>. Exporting is the host's business (an OpenTelemetry exporter that
/// listens to these names); without one, in-process listeners still see everything and nothing else happens.
/// </summary>
public sealed class ArchiveForecastTelemetry : IDisposable
{
    /// <summary>The name of the meter.</summary>
    public const string MeterName = "ArchiveForecast";

    /// <summary>The name of the activity source.</summary>
    public const string ActivitySourceName = "ArchiveForecast";

    private static readonly InstrumentAdvice<double> SecondsAdvice = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
    };

    private static readonly InstrumentAdvice<int> BatchAdvice = new()
    {
        HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    };

    private readonly bool ownsMeter;
    private readonly ConcurrentDictionary<string, int> servedVersions = new(StringComparer.Ordinal);
    private readonly Histogram<double> requestDuration;
    private readonly Counter<long> predictions;
    private readonly Histogram<int> batchSize;
    private readonly Histogram<double> predictionDuration;
    private readonly Counter<long> outOfRange;
    private readonly Histogram<double> loadDuration;
    private readonly Counter<long> loadFailures;
    private readonly Histogram<double> trainingDuration;
    private readonly Histogram<double> trainingMae;
    private readonly Histogram<double> trainingRmse;
    private readonly Histogram<double> trainingRSquared;
    private readonly Counter<long> gateDecisions;
    private readonly Histogram<double> batchDuration;
    private readonly Counter<long> batchRows;
    private readonly Histogram<double> batchRowsPerSecond;

    /// <summary>
    /// Creates the instruments on a meter from <paramref name="meterFactory"/> (the host's, so that each service
    /// provider has its own), or on a meter of its own when there is no factory.
    /// </summary>
    public ArchiveForecastTelemetry(IMeterFactory? meterFactory = null, DriftTracker? drift = null)
    {
        Drift = drift ?? new DriftTracker(new DriftOptions().WindowSize);
        string? version = typeof(ArchiveForecastTelemetry).Assembly.GetName().Version?.ToString();
        if (meterFactory is null)
        {
            Meter = new Meter(MeterName, version);
            ownsMeter = true;
        }
        else
        {
            Meter = meterFactory.Create(new MeterOptions(MeterName) { Version = version });
        }

        ActivitySource = new ActivitySource(ActivitySourceName, version);
        Releases = new ReleaseTelemetry(Meter);

        requestDuration = Meter.CreateHistogram(
            TelemetryNames.Instruments.RequestDuration, "s", "Time in the API handler per request, by contract route, method and status.", advice: SecondsAdvice);
        predictions = Meter.CreateCounter<long>(
            TelemetryNames.Instruments.Predictions, "{prediction}", "Instances scored, by model version and whether any input was out of range.");
        batchSize = Meter.CreateHistogram(
            TelemetryNames.Instruments.PredictionBatchSize, "{instance}", "Instances per prediction call.", advice: BatchAdvice);
        predictionDuration = Meter.CreateHistogram(
            TelemetryNames.Instruments.PredictionDuration, "s", "Time to score one prediction call.", advice: SecondsAdvice);
        outOfRange = Meter.CreateCounter<long>(
            TelemetryNames.Instruments.OutOfRangeInputs, "{value}", "Input values outside the training data's p01..p99, by feature.");
        loadDuration = Meter.CreateHistogram(
            TelemetryNames.Instruments.ModelLoadDuration, "s", "Time to read, verify, load and self-check a model version.", advice: SecondsAdvice);
        loadFailures = Meter.CreateCounter<long>(
            TelemetryNames.Instruments.ModelLoadFailures, "{failure}", "Model load attempts that failed and kept the last good model.");
        Meter.CreateObservableGauge(
            TelemetryNames.Instruments.ServedVersion, ObserveServedVersions, "{version}", "The version each model name serves.");
        trainingDuration = Meter.CreateHistogram(
            TelemetryNames.Instruments.TrainingDuration, "s", "Training runs end to end, by outcome.", advice: SecondsAdvice);
        trainingMae = Meter.CreateHistogram<double>(
            TelemetryNames.Instruments.TrainingMae, "GB", "Holdout mean absolute error of a published version, per target.");
        trainingRmse = Meter.CreateHistogram<double>(
            TelemetryNames.Instruments.TrainingRmse, "GB", "Holdout root mean squared error of a published version, per target.");
        trainingRSquared = Meter.CreateHistogram<double>(
            TelemetryNames.Instruments.TrainingRSquared, "1", "Holdout R² of a published version, per target.");
        gateDecisions = Meter.CreateCounter<long>(
            TelemetryNames.Instruments.GateDecisions, "{decision}", "Promotion gate decisions, and whether the version was promoted.");
        batchDuration = Meter.CreateHistogram(
            TelemetryNames.Instruments.BatchDuration, "s", "Batch scoring jobs end to end, by model version and outcome.", advice: SecondsAdvice);
        batchRows = Meter.CreateCounter<long>(
            TelemetryNames.Instruments.BatchRows, "{row}", "Rows of batch jobs, scored or rejected, by model version.");
        batchRowsPerSecond = Meter.CreateHistogram<double>(
            TelemetryNames.Instruments.BatchRowsPerSecond, "{row}/s", "Rows scored per second by a finished batch job, by model version.");
        DriftGauges.Register(Meter, Drift);
    }

    /// <summary>The meter every instrument lives on.</summary>
    public Meter Meter { get; }

    /// <summary>The source of every activity.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>The instruments of canary and shadow releases.</summary>
    public ReleaseTelemetry Releases { get; }

    /// <summary>The drift windows the prediction signals feed.</summary>
    public DriftTracker Drift { get; }

    /// <summary>Records one API request that reached a handler.</summary>
    /// <param name="route">The contract route template (<c>/api/predict</c>), never the raw path.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="statusCode">The status of the answer.</param>
    /// <param name="elapsed">Time in the handler.</param>
    public void RecordRequest(string route, string method, int statusCode, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { TelemetryNames.Tags.Route, route },
            { TelemetryNames.Tags.Method, method },
            { TelemetryNames.Tags.StatusCode, statusCode },
        };
        requestDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Starts the activity of one prediction call, or returns null when nobody listens.</summary>
    public Activity? StartPredict(ForecastModel model, int instances)
    {
        ArgumentNullException.ThrowIfNull(model);
        var activity = ActivitySource.StartActivity(ActivityNames.Predict);
        activity?.SetTag(TelemetryNames.Tags.ModelName, model.Name)
            .SetTag(TelemetryNames.Tags.ModelVersion, model.Version)
            .SetTag(TelemetryNames.Tags.BatchSize, instances);
        return activity;
    }

    /// <summary>
    /// Records a prediction call that succeeded: instances scored (split by whether any input was out of range), the
    /// batch size, the time, each out-of-range value by feature, and the inputs into the model's drift window.
    /// </summary>
    public void RecordPredictions(ForecastModel model, IReadOnlyList<ForecastInput> inputs, IReadOnlyList<ForecastPrediction> results, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(results);

        var modelTags = ModelTags(model.Name, model.Version);
        batchSize.Record(results.Count, modelTags);
        predictionDuration.Record(elapsed.TotalSeconds, modelTags);

        Span<int> byFeature = stackalloc int[FieldNames.NumericInputs.Count];
        int flagged = 0;
        foreach (var result in results)
        {
            if (result.OutOfRange.Count == 0)
            {
                continue;
            }

            flagged++;
            foreach (string feature in result.OutOfRange)
            {
                int index = IndexOfField(feature);
                if (index >= 0)
                {
                    byFeature[index]++;
                }
            }
        }

        AddPredictions(model, results.Count - flagged, outOfRangeInput: false);
        AddPredictions(model, flagged, outOfRangeInput: true);
        for (int field = 0; field < byFeature.Length; field++)
        {
            if (byFeature[field] > 0)
            {
                var tags = ModelTags(model.Name, model.Version);
                tags.Add(TelemetryNames.Tags.Feature, FieldNames.NumericInputs[field]);
                outOfRange.Add(byFeature[field], tags);
            }
        }

        Drift.Record(model, inputs);
    }

    /// <summary>Starts the activity of loading a version, or returns null when nobody listens.</summary>
    public Activity? StartModelLoad(string modelName, int version)
    {
        var activity = ActivitySource.StartActivity(ActivityNames.LoadModel);
        activity?.SetTag(TelemetryNames.Tags.ModelName, modelName).SetTag(TelemetryNames.Tags.ModelVersion, version);
        return activity;
    }

    /// <summary>Records a version that loaded and is now served.</summary>
    public void RecordModelLoaded(ForecastModel model, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(model);
        servedVersions[model.Name] = model.Version;
        var tags = ModelTags(model.Name, model.Version);
        tags.Add(TelemetryNames.Tags.Outcome, "success");
        loadDuration.Record(elapsed.TotalSeconds, tags);
        Activity.Current?.SetTag(TelemetryNames.Tags.Outcome, "success");
    }

    /// <summary>Records a failed load attempt (the last good model, if any, stays served).</summary>
    /// <param name="modelName">The model.</param>
    /// <param name="version">The version that failed, or null when the pointer could not even be read.</param>
    /// <param name="exception">Why.</param>
    /// <param name="elapsed">Time spent, when a load was attempted.</param>
    public void RecordModelLoadFailed(string modelName, int? version, Exception exception, TimeSpan? elapsed)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var tags = ModelTags(modelName, version);
        tags.Add(TelemetryNames.Tags.ErrorType, exception.GetType().Name);
        loadFailures.Add(1, tags);
        if (elapsed is { } time)
        {
            var durationTags = ModelTags(modelName, version);
            durationTags.Add(TelemetryNames.Tags.Outcome, "failure");
            loadDuration.Record(time.TotalSeconds, durationTags);
        }

        MarkFailed(Activity.Current, exception);
    }

    /// <summary>Starts the activity of a training run, or returns null when nobody listens.</summary>
    public Activity? StartTraining(string modelName, string? runId)
    {
        var activity = ActivitySource.StartActivity(ActivityNames.TrainModel);
        activity?.SetTag(TelemetryNames.Tags.ModelName, modelName).SetTag(TelemetryNames.Tags.RunId, runId);
        return activity;
    }

    /// <summary>Records how a training run ended.</summary>
    /// <param name="modelName">The model trained.</param>
    /// <param name="version">The version published, or null when none was.</param>
    /// <param name="outcome">How it ended (<c>succeeded</c>, or the failure: <c>invalid_data</c>, <c>busy</c>, <c>cancelled</c>, <c>error</c>).</param>
    /// <param name="elapsed">The run's duration.</param>
    public void RecordTraining(string modelName, int? version, string outcome, TimeSpan elapsed)
    {
        var tags = ModelTags(modelName, version);
        tags.Add(TelemetryNames.Tags.Outcome, outcome);
        trainingDuration.Record(elapsed.TotalSeconds, tags);
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, ActivitySource))
        {
            activity.SetTag(TelemetryNames.Tags.Outcome, outcome);
            if (version is int published)
            {
                activity.SetTag(TelemetryNames.Tags.ModelVersion, published);
            }
        }
    }

    /// <summary>Records the holdout metrics of a published version, per target.</summary>
    public void RecordTrainingMetrics(string modelName, int version, ModelMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        RecordTarget(modelName, version, FieldNames.ArchivedGbNextPeriod, metrics.ArchivedGbNextPeriod);
        RecordTarget(modelName, version, FieldNames.SavingsGbNextPeriod, metrics.SavingsGbNextPeriod);
    }

    /// <summary>Records a promotion gate decision about a published version, and whether it was promoted.</summary>
    public void RecordGateDecision(string modelName, int? version, bool passed, bool promoted)
    {
        var tags = ModelTags(modelName, version);
        tags.Add(TelemetryNames.Tags.Decision, passed ? "passed" : "failed");
        tags.Add(TelemetryNames.Tags.Promoted, promoted);
        gateDecisions.Add(1, tags);
    }

    /// <summary>Starts the activity of a batch scoring job, or returns null when nobody listens.</summary>
    public Activity? StartBatch(string modelName, string runId)
    {
        var activity = ActivitySource.StartActivity(ActivityNames.ScoreBatch);
        activity?.SetTag(TelemetryNames.Tags.ModelName, modelName).SetTag(TelemetryNames.Tags.RunId, runId);
        return activity;
    }

    /// <summary>Records how a batch scoring job ended: its duration, its rows and, when it succeeded, its rate.</summary>
    /// <param name="modelName">The model that scored.</param>
    /// <param name="version">The version that scored, or null when none was resolved.</param>
    /// <param name="outcome">How it ended (<c>succeeded</c>, <c>rejected</c> for too many bad rows, <c>failed</c>, <c>cancelled</c>).</param>
    /// <param name="rowsScored">Rows scored.</param>
    /// <param name="rowsRejected">Rows rejected.</param>
    /// <param name="elapsed">The job's duration.</param>
    public void RecordBatch(string modelName, int? version, string outcome, long rowsScored, long rowsRejected, TimeSpan elapsed)
    {
        var tags = ModelTags(modelName, version);
        var outcomeTags = tags;
        outcomeTags.Add(TelemetryNames.Tags.Outcome, outcome);
        batchDuration.Record(elapsed.TotalSeconds, outcomeTags);
        var scored = tags;
        scored.Add(TelemetryNames.Tags.Outcome, "scored");
        batchRows.Add(rowsScored, scored);
        var rejected = tags;
        rejected.Add(TelemetryNames.Tags.Outcome, "rejected");
        batchRows.Add(rowsRejected, rejected);
        if (outcome == "succeeded" && elapsed > TimeSpan.Zero)
        {
            batchRowsPerSecond.Record(rowsScored / elapsed.TotalSeconds, tags);
        }

        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, ActivitySource))
        {
            activity.SetTag(TelemetryNames.Tags.Outcome, outcome);
            if (version is int used)
            {
                activity.SetTag(TelemetryNames.Tags.ModelVersion, used);
            }
        }
    }

    /// <summary>Marks an activity of this source as failed with the exception's type (never its message).</summary>
    public void MarkFailed(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (activity is null || !ReferenceEquals(activity.Source, ActivitySource))
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity.SetTag(TelemetryNames.Tags.ErrorType, exception.GetType().Name);
        activity.SetTag(TelemetryNames.Tags.Outcome, "failure");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        if (ownsMeter)
        {
            Meter.Dispose();
        }
    }

    private static TagList ModelTags(string modelName, int? version)
    {
        var tags = new TagList { { TelemetryNames.Tags.ModelName, modelName } };
        if (version is int known)
        {
            tags.Add(TelemetryNames.Tags.ModelVersion, known);
        }

        return tags;
    }

    private static int IndexOfField(string feature)
    {
        var fields = FieldNames.NumericInputs;
        for (int i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i], feature, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void AddPredictions(ForecastModel model, int count, bool outOfRangeInput)
    {
        if (count == 0)
        {
            return;
        }

        var tags = ModelTags(model.Name, model.Version);
        tags.Add(TelemetryNames.Tags.OutOfRange, outOfRangeInput);
        predictions.Add(count, tags);
    }

    private void RecordTarget(string modelName, int version, string target, RegressionMetrics metrics)
    {
        var tags = ModelTags(modelName, version);
        tags.Add(TelemetryNames.Tags.Target, target);
        trainingMae.Record(metrics.Mae, tags);
        trainingRmse.Record(metrics.Rmse, tags);
        trainingRSquared.Record(metrics.RSquared, tags);
    }

    private IEnumerable<Measurement<int>> ObserveServedVersions() =>
        servedVersions.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>(TelemetryNames.Tags.ModelName, pair.Key)));
}
