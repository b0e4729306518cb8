using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Core.Registry;

/// <summary>Where a training run stands.</summary>
public enum RunStatus
{
    /// <summary>Accepted, waiting for a worker.</summary>
    Queued,
    /// <summary>A worker is training.</summary>
    Running,
    /// <summary>Finished: a version was published (promoted or kept as a candidate).</summary>
    Succeeded,
    /// <summary>Finished without a version; <see cref="RunRecord.Reason"/> says why.</summary>
    Failed,
    /// <summary>Stopped by a cancellation (Ctrl+C, SIGTERM, a host shutting down) at <see cref="RunRecord.Stage"/>; nothing was published.</summary>
    Cancelled,
}

/// <summary>What a run does; a record without a kind (written before batch jobs existed) is a training run.</summary>
public static class RunKinds
{
    /// <summary>A training run: fit, evaluate, gate, publish.</summary>
    public const string Training = "training";

    /// <summary>A batch job: score a dataset of the data store into the predictions store.</summary>
    public const string Batch = "batch";
}

/// <summary>The content of <c>{model}/runs/{run_id}.json</c>: a training run or a batch scoring job (<see cref="Kind"/>).</summary>
public sealed record RunRecord
{
    /// <summary>The run id (letters, digits and hyphens only).</summary>
    public required string RunId { get; init; }
    /// <summary>The model trained.</summary>
    public required string ModelName { get; init; }
    /// <summary>Where the run stands.</summary>
    public required RunStatus Status { get; init; }
    /// <summary>Why it failed, or what the gate decided.</summary>
    public string? Reason { get; init; }
    /// <summary>What started it (<c>cli</c>, <c>http</c>, <c>timer</c>, <c>queue</c>).</summary>
    public string? Trigger { get; init; }
    /// <summary>The data source (a file, a dataset path in training-data, or <c>synthetic</c>).</summary>
    public string? Dataset { get; init; }
    /// <summary>When the run was accepted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When training started.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>When the run finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>The trainer used.</summary>
    public string? Trainer { get; init; }
    /// <summary>The version published, if any.</summary>
    public int? Version { get; init; }
    /// <summary>Whether the version published became the served one.</summary>
    public bool? Promoted { get; init; }
    /// <summary>The candidate's holdout metrics.</summary>
    public ModelMetrics? Metrics { get; init; }
    /// <summary>The serving model's metrics on the same holdout, when there was one.</summary>
    public ModelMetrics? ServingMetrics { get; init; }
    /// <summary>The version that was served when the gate compared.</summary>
    public int? ServingVersion { get; init; }
    /// <summary>How many rows were read and rejected.</summary>
    public int? RowsRead { get; init; }
    /// <summary>How many rows were rejected, with the first few reasons in <see cref="Rejections"/>.</summary>
    public int? RowsRejected { get; init; }
    /// <summary>The first rejected rows with their line numbers and reasons.</summary>
    public IReadOnlyList<string>? Rejections { get; init; }
    /// <summary>The stage a cancelled run was in when it stopped (<c>starting</c>, <c>reading</c>, <c>fitting</c>, <c>evaluating</c>).</summary>
    public string? Stage { get; init; }
    /// <summary>What the run does (<see cref="RunKinds"/>); null for training records written before batch jobs.</summary>
    public string? Kind { get; init; }
    /// <summary>A batch job's progress: the rows scored and written so far (the final count once it succeeded).</summary>
    public long? RowsScored { get; init; }
    /// <summary>A batch job's output in the predictions store (<c>{model}/{name}.csv</c>), once it is complete.</summary>
    public string? Output { get; init; }
    /// <summary>How long the run took from start to finish, in seconds.</summary>
    public double? DurationSeconds { get; init; }
}
