using System.Text.Json.Nodes;
using ArchiveForecast.Api.Input;
using ArchiveForecast.Api.Routing;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Api.OpenApi;

// Inside the namespace so that the schema builders win over System's String, Object, Boolean, DateTime and Enum.
using static JsonSchema;

/// <summary>The component schemas of the OpenAPI document (JSON Schema 2020-12, as OpenAPI 3.1 uses it).</summary>
internal static class OpenApiSchemas
{
    private const string ModelNamePattern = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$";

    public static JsonObject All() => new()
    {
        [SchemaNames.Instance] = Instance(),
        [SchemaNames.PredictRequest] = Closed(
            new() { ["instances"] = new JsonObject { ["type"] = "array", ["items"] = Ref(SchemaNames.Instance), ["minItems"] = RequestLimits.MinInstances, ["maxItems"] = RequestLimits.MaxInstances } },
            "instances"),
        [SchemaNames.ModelRef] = Object(new() { ["name"] = String(), ["version"] = Integer() }, "name", "version"),
        [SchemaNames.Explanation] = Object(
            new()
            {
                [FieldNames.ArchivedGbNextPeriod] = Contributions(),
                [FieldNames.SavingsGbNextPeriod] = Contributions(),
                ["base"] = Object(
                    new() { [FieldNames.ArchivedGbNextPeriod] = Number(), [FieldNames.SavingsGbNextPeriod] = Number() },
                    FieldNames.ArchivedGbNextPeriod,
                    FieldNames.SavingsGbNextPeriod),
            },
            FieldNames.ArchivedGbNextPeriod,
            FieldNames.SavingsGbNextPeriod),
        [SchemaNames.Prediction] = Object(
            new()
            {
                [FieldNames.ArchivedGbNextPeriod] = Number(minimum: 0),
                [FieldNames.SavingsGbNextPeriod] = Number(minimum: 0),
                ["out_of_range"] = new JsonObject { ["type"] = "array", ["items"] = String(), ["description"] = "Input fields outside the training data's p01..p99." },
                ["explanation"] = Ref(SchemaNames.Explanation),
                ["intervals"] = Ref(SchemaNames.Intervals),
            },
            FieldNames.ArchivedGbNextPeriod,
            FieldNames.SavingsGbNextPeriod,
            "out_of_range"),
        [SchemaNames.Intervals] = Object(
            new()
            {
                ["level"] = new JsonObject { ["type"] = "number", ["description"] = "The share of actual values each range is calibrated to hold, on sources the model never saw." },
                [FieldNames.ArchivedGbNextPeriod] = Ref(SchemaNames.Interval),
                [FieldNames.SavingsGbNextPeriod] = Ref(SchemaNames.Interval),
            },
            "level",
            FieldNames.ArchivedGbNextPeriod,
            FieldNames.SavingsGbNextPeriod),
        [SchemaNames.Interval] = Object(
            new() { ["lower"] = Number(minimum: 0), ["upper"] = Number(minimum: 0) },
            "lower",
            "upper"),
        [SchemaNames.PredictResponse] = Object(
            new() { ["model"] = Ref(SchemaNames.ModelRef), ["predictions"] = ArrayOf(Ref(SchemaNames.Prediction)) },
            "model",
            "predictions"),
        [SchemaNames.Health] = Object(
            new()
            {
                ["status"] = Enum("healthy", "unhealthy"),
                ["model"] = Object(new() { ["name"] = String(), ["version"] = Integer(), ["loaded_at"] = DateTime() }, "name", "version", "loaded_at"),
                ["reason"] = String(),
                ["anonymous"] = Boolean(),
            },
            "status"),
        [SchemaNames.ModelInfo] = Object(
            new()
            {
                ["model"] = Object(new() { ["name"] = String(), ["version"] = Integer(), ["loaded_at"] = DateTime() }, "name", "version", "loaded_at"),
                ["card"] = new JsonObject { ["type"] = "object", ["description"] = "The model card: trainer, parameters, metrics, data fingerprint, timings, canary rows." },
                ["manifest"] = new JsonObject { ["type"] = "object", ["description"] = "SHA-256 and size of every file of the version." },
                ["feature_quantiles"] = new JsonObject { ["type"] = "object" },
                ["load_state"] = Object(new() { ["last_attempt_at"] = Nullable("string"), ["last_attempt_failed"] = Boolean(), ["consecutive_failures"] = Integer() }),
                ["promotion"] = Object(
                    new()
                    {
                        ["current"] = Integer(),
                        ["history"] = ArrayOf(Integer()),
                        ["updated_at"] = DateTime(),
                        ["updated_by"] = String(),
                        ["reason"] = String(),
                    },
                    "current",
                    "history"),
                ["drift"] = Object(
                    new()
                    {
                        ["window_size"] = Integer(),
                        ["window_capacity"] = Integer(),
                        ["features"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["description"] = "Per numeric input field: the share of recent inputs outside the training p01..p99, and the population stability index over the quantile bins.",
                            ["additionalProperties"] = Object(new() { ["share_outside"] = Number(minimum: 0, maximum: 1), ["psi"] = Number(minimum: 0) }, "share_outside", "psi"),
                        },
                    },
                    "window_size",
                    "features"),
            },
            "model"),
        [SchemaNames.VersionEntry] = Object(
            new()
            {
                ["version"] = Integer(),
                ["status"] = Enum("current", "candidate", "incomplete"),
                ["is_previous"] = Boolean(),
                ["created_at"] = DateTime(),
                ["run_id"] = String(),
                ["trainer"] = String(),
                ["metrics"] = new JsonObject { ["type"] = "object", ["description"] = "Holdout metrics on this version's own training data (see metrics_holdout); versions trained on different data are not comparable by these figures." },
                ["metrics_holdout"] = Object(
                    new() { ["dataset"] = String(), ["data_sha256"] = String(), ["rows"] = Integer() },
                    "dataset",
                    "data_sha256",
                    "rows"),
            },
            "version",
            "status"),
        [SchemaNames.Versions] = Object(
            new()
            {
                ["model"] = String(),
                ["current"] = Integer(),
                ["previous"] = Integer(),
                ["served"] = Integer(),
                ["candidates"] = ArrayOf(Integer()),
                ["versions"] = ArrayOf(Ref(SchemaNames.VersionEntry)),
                ["history"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = Integer(),
                    ["description"] = "The versions served before the current one, most recent first: the path rollbacks walk back along.",
                },
            },
            "model",
            "candidates",
            "versions"),
        [SchemaNames.Reload] = Object(
            new() { ["model"] = String(), ["version"] = Integer(), ["outcome"] = Enum("swapped", "unchanged"), ["changed"] = Boolean() },
            "model",
            "version",
            "outcome",
            "changed"),
        [SchemaNames.PromoteRequest] = Closed(new() { ["version"] = Integer(minimum: 1) }, "version"),
        [SchemaNames.ReleaseRequest] = Closed(
            new()
            {
                ["version"] = Integer(minimum: 1),
                ["fraction"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0, ["maximum"] = 1, ["description"] = "The share of prediction requests the candidate answers (split) or scores (shadow)." },
                ["mode"] = Enum("split", "shadow"),
                ["min_requests"] = Integer(minimum: 1),
                ["max_error_rate_increase"] = Number(minimum: 0, maximum: 1),
                ["max_latency_ratio"] = Number(minimum: 1, maximum: 1000),
                ["max_divergence"] = Number(minimum: 0, maximum: 100),
            },
            "version",
            "fraction"),
        [SchemaNames.Release] = Object(
            new()
            {
                ["id"] = String(),
                ["version"] = Integer(),
                ["fraction"] = Number(minimum: 0, maximum: 1),
                ["mode"] = Enum("split", "shadow"),
                ["started_at"] = DateTime(),
                ["started_by"] = String(),
                ["age_seconds"] = Number(minimum: 0),
                ["guards"] = Object(
                    new() { ["min_requests"] = Integer(), ["max_error_rate_increase"] = Number(), ["max_latency_ratio"] = Number(), ["max_divergence"] = Number() },
                    "min_requests",
                    "max_error_rate_increase",
                    "max_latency_ratio",
                    "max_divergence"),
            },
            "id",
            "version",
            "fraction",
            "mode",
            "started_at",
            "guards"),
        [SchemaNames.ReleaseRole] = Object(
            new()
            {
                ["version"] = Integer(),
                ["requests"] = Integer(),
                ["errors"] = Integer(),
                ["error_rate"] = Number(minimum: 0, maximum: 1),
                ["p50_ms"] = Number(minimum: 0),
                ["p99_ms"] = Number(minimum: 0),
                ["out_of_range_rate"] = Number(minimum: 0, maximum: 1),
            },
            "version",
            "requests",
            "errors",
            "error_rate",
            "out_of_range_rate"),
        [SchemaNames.ReleaseStatus] = Object(
            new()
            {
                ["model"] = String(),
                ["served_version"] = Integer(),
                ["release"] = Ref(SchemaNames.Release),
                ["following"] = Boolean(),
                ["served"] = Ref(SchemaNames.ReleaseRole),
                ["candidate"] = Ref(SchemaNames.ReleaseRole),
                ["shadow"] = Object(
                    new()
                    {
                        ["compared"] = Integer(),
                        ["mean_abs_log_ratio"] = Number(minimum: 0),
                        ["share_over_twenty_percent"] = Number(minimum: 0, maximum: 1),
                        ["dropped"] = Integer(),
                    },
                    "compared",
                    "mean_abs_log_ratio",
                    "share_over_twenty_percent",
                    "dropped"),
                ["abort_reason"] = String(),
            },
            "model",
            "served_version",
            "release",
            "following"),
        [SchemaNames.ReleaseChange] = Object(
            new()
            {
                ["model"] = String(),
                ["served_version"] = Integer(),
                ["release"] = Ref(SchemaNames.Release),
                ["status"] = Enum("started", "updated", "stopped"),
                ["detail"] = String(),
            },
            "model",
            "served_version",
            "release",
            "status"),
        [SchemaNames.Retired] = Object(
            new()
            {
                ["model"] = String(),
                ["retired"] = new JsonObject { ["type"] = "boolean" },
                ["retired_at"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            },
            "model",
            "retired",
            "retired_at"),
        [SchemaNames.PointerChange] = Object(
            new()
            {
                ["model"] = String(),
                ["version"] = Integer(),
                ["previous_version"] = Integer(),
                ["served_version"] = Integer(),
                ["reload"] = Enum("swapped", "unchanged", "no_pointer", "failed"),
            },
            "model",
            "version",
            "reload"),
        [SchemaNames.RetrainRequest] = Closed(
            new()
            {
                ["model"] = new JsonObject { ["type"] = "string", ["pattern"] = ModelNamePattern },
                ["dataset"] = new JsonObject { ["type"] = "string", ["description"] = "A relative path in the training-data store; leave it out for the configured default dataset (400 when none is configured)." },
                ["create"] = new JsonObject { ["type"] = "boolean", ["description"] = "True to train a model that does not exist yet; without it an unknown model is 404." },
            }),
        [SchemaNames.RetrainAccepted] = Object(new() { ["run_id"] = String(), ["status_url"] = String() }, "run_id", "status_url"),
        [SchemaNames.BatchRequest] = Closed(
            new()
            {
                ["dataset"] = new JsonObject { ["type"] = "string", ["description"] = "A relative path of a CSV in the data store (the same rules as a retrain's dataset); 404 when there is none." },
                ["output"] = new JsonObject { ["type"] = "string", ["maxLength"] = 200, ["description"] = "The output's name: {model}/{output}.csv in the predictions store; leave it out for the run id." },
            },
            "dataset"),
        [SchemaNames.BatchAccepted] = Object(new() { ["run_id"] = String(), ["status_url"] = String() }, "run_id", "status_url"),
        [SchemaNames.Run] = Object(
            new()
            {
                ["run_id"] = String(),
                ["model_name"] = String(),
                ["kind"] = Enum("training", "batch"),
                ["status"] = Enum("queued", "running", "succeeded", "failed", "cancelled"),
                ["reason"] = String(),
                ["trigger"] = String(),
                ["dataset"] = String(),
                ["created_at"] = DateTime(),
                ["started_at"] = DateTime(),
                ["finished_at"] = DateTime(),
                ["trainer"] = String(),
                ["version"] = Integer(),
                ["promoted"] = Boolean(),
                ["metrics"] = new JsonObject { ["type"] = "object" },
                ["rows_scored"] = new JsonObject { ["type"] = "integer", ["description"] = "A batch job's rows scored so far (saved every 2 s while it runs)." },
                ["rows_read"] = Integer(),
                ["rows_rejected"] = Integer(),
                ["output"] = new JsonObject { ["type"] = "string", ["description"] = "A batch job's output in the predictions store, once it succeeded." },
                ["duration_seconds"] = new JsonObject { ["type"] = "number" },
            },
            "run_id",
            "model_name",
            "status",
            "created_at"),
        [SchemaNames.ValidationError] = Object(
            new()
            {
                ["pointer"] = new JsonObject { ["type"] = "string", ["description"] = "A JSON pointer (RFC 6901) into the request body, such as /instances/3/pct_pdf." },
                ["detail"] = String(),
            },
            "pointer",
            "detail"),
        [SchemaNames.Problem] = Object(
            new()
            {
                ["type"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
                ["title"] = String(),
                ["status"] = Integer(),
                ["detail"] = String(),
                ["instance"] = String(),
                ["trace_id"] = String(),
                ["errors"] = ArrayOf(Ref(SchemaNames.ValidationError)),
                ["errors_truncated"] = Boolean(),
                ["served_version"] = Integer(),
            },
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "trace_id"),
    };

    private static JsonObject Instance() => Closed(
        new()
        {
            [FieldNames.Month] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-(0[1-9]|1[0-2])-01$", ["examples"] = new JsonArray("2025-07-01") },
            [FieldNames.TotalFiles] = Integer(minimum: 0),
            [FieldNames.AvgFileSizeMb] = Number(minimum: 0),
            [FieldNames.PctPdf] = Number(minimum: 0, maximum: 1),
            [FieldNames.PctDocx] = Number(minimum: 0, maximum: 1),
            [FieldNames.PctXlsx] = Number(minimum: 0, maximum: 1),
            [FieldNames.ArchiveFrequencyPerDay] = Number(minimum: 0),
        },
        [.. FieldNames.Inputs]);

    private static JsonObject Contributions() =>
        new() { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "number" }, ["description"] = "Feature name to contribution, in the model's ln(GB + 0.001) space, not in GB (+0.1 is about +10 % of the forecast); signs and sizes rank the features." };
}
