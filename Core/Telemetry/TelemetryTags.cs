namespace ArchiveForecast.Core.Telemetry;

/// <summary>The dimension names of ArchiveForecast's metrics and activities (customDimensions in Application Insights).</summary>
public static class TelemetryTags
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
