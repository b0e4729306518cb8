namespace ArchiveForecast.Core.Telemetry;

/// <summary>
/// The telemetry contract operators query: the instruments (the <c>name</c> of <c>customMetrics</c> rows in Application
/// Insights) and the dimensions they carry (<c>customDimensions</c>). One file, so the KQL in docs/operations.md has one
/// source to agree with.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The names of ArchiveForecast's instruments.</summary>
    public static class Instruments
    {
        /// <summary>Histogram, seconds: time in the handler per API request; tags route, method, status code.</summary>
        public const string RequestDuration = "archiveforecast.http.request.duration";

        /// <summary>Counter, predictions: instances scored; tags model, <see cref="TelemetryNames.Tags.OutOfRange"/>.</summary>
        public const string Predictions = "archiveforecast.predictions";

        /// <summary>Histogram, instances: instances per prediction call; tags model.</summary>
        public const string PredictionBatchSize = "archiveforecast.prediction.batch_size";

        /// <summary>Histogram, seconds: time to score one prediction call; tags model.</summary>
        public const string PredictionDuration = "archiveforecast.prediction.duration";

        /// <summary>Counter, values: inputs outside the training p01..p99; tags model, feature.</summary>
        public const string OutOfRangeInputs = "archiveforecast.prediction.out_of_range";

        /// <summary>Histogram, seconds: time to read, verify, load and self-check a version; tags model, outcome.</summary>
        public const string ModelLoadDuration = "archiveforecast.model.load.duration";

        /// <summary>Counter, failures: load attempts that kept the last good model; tags model, error type.</summary>
        public const string ModelLoadFailures = "archiveforecast.model.load.failures";

        /// <summary>Observable gauge, version: the version each model name serves; tag model.name.</summary>
        public const string ServedVersion = "archiveforecast.model.served_version";

        /// <summary>Histogram, seconds: training runs end to end; tags model, outcome.</summary>
        public const string TrainingDuration = "archiveforecast.training.duration";

        /// <summary>Histogram, GB: holdout mean absolute error of a published version; tags model, target.</summary>
        public const string TrainingMae = "archiveforecast.training.mae";

        /// <summary>Histogram, GB: holdout root mean squared error of a published version; tags model, target.</summary>
        public const string TrainingRmse = "archiveforecast.training.rmse";

        /// <summary>Histogram, 1: holdout R² of a published version; tags model, target.</summary>
        public const string TrainingRSquared = "archiveforecast.training.r_squared";

        /// <summary>Counter, decisions: promotion gate decisions; tags model, decision, promoted.</summary>
        public const string GateDecisions = "archiveforecast.training.gate.decisions";

        /// <summary>Observable gauge, 1: population stability index of recent inputs; tags model, feature.</summary>
        public const string DriftPsi = "archiveforecast.drift.psi";

        /// <summary>Observable gauge, 1: share of recent inputs outside the training p01..p99; tags model, feature.</summary>
        public const string DriftShareOutside = "archiveforecast.drift.share_outside";

        /// <summary>Observable gauge, inputs: how many recent inputs the drift figures cover; tags model.</summary>
        public const string DriftWindowSize = "archiveforecast.drift.window_size";

        /// <summary>Histogram, seconds: batch scoring jobs end to end; tags model, version, outcome.</summary>
        public const string BatchDuration = "archiveforecast.batch.duration";

        /// <summary>Counter, rows: rows a batch job scored (or rejected); tags model, version, outcome (<c>scored</c>, <c>rejected</c>).</summary>
        public const string BatchRows = "archiveforecast.batch.rows";

        /// <summary>Histogram, rows per second: the scoring rate of a finished batch job; tags model, version.</summary>
        public const string BatchRowsPerSecond = "archiveforecast.batch.rows_per_second";
    }

    /// <summary>The dimension names of ArchiveForecast's metrics and activities.</summary>
    public static class Tags
    {
        /// <summary>The model name, on every prediction, model and training signal.</summary>
        public const string ModelName = "model.name";

        /// <summary>The model version (an integer), on every prediction, model and training signal where one is known.</summary>
        public const string ModelVersion = "model.version";

        /// <summary>A numeric input field (snake_case contract name).</summary>
        public const string Feature = "feature";

        /// <summary>Whether a prediction had any input outside the training p01..p99 (<c>true</c>/<c>false</c>).</summary>
        public const string OutOfRange = "out_of_range";

        /// <summary>The contract route template, such as <c>/api/models/{name}/predict</c>.</summary>
        public const string Route = "http.route";

        /// <summary>The HTTP method.</summary>
        public const string Method = "http.request.method";

        /// <summary>The HTTP status code of the answer.</summary>
        public const string StatusCode = "http.response.status_code";

        /// <summary>How an operation ended (<c>success</c>, <c>failure</c>; for training the run's outcome).</summary>
        public const string Outcome = "outcome";

        /// <summary>The exception type of a failure.</summary>
        public const string ErrorType = "error.type";

        /// <summary>A prediction target (<c>archived_gb_next_period</c>, <c>savings_gb_next_period</c>).</summary>
        public const string Target = "target";

        /// <summary>The promotion gate's decision (<c>passed</c>, <c>failed</c>).</summary>
        public const string Decision = "decision";

        /// <summary>Whether the version was promoted (<c>true</c>/<c>false</c>).</summary>
        public const string Promoted = "promoted";

        /// <summary>A training run id (on activities only: too many values for a metric dimension).</summary>
        public const string RunId = "training.run_id";

        /// <summary>The number of instances of one prediction call (on activities).</summary>
        public const string BatchSize = "prediction.batch_size";
    }
}
