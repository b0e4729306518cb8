using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Training.Batch;

/// <summary>The summary written beside a job's output (<c>{model}/{name}.summary.json</c>): counts, lines, version and timings, never row contents.</summary>
public sealed record BatchSummary
{
    /// <summary>The job's run id.</summary>
    public required string RunId { get; init; }
    /// <summary>The model that scored.</summary>
    public required string ModelName { get; init; }
    /// <summary>The one version that scored every row.</summary>
    public required int ModelVersion { get; init; }
    /// <summary>The dataset scored, as named in the request.</summary>
    public required string Dataset { get; init; }
    /// <summary>The output CSV's path in the predictions store.</summary>
    public required string Output { get; init; }
    /// <summary>Data rows read.</summary>
    public required long RowsRead { get; init; }
    /// <summary>Rows scored and written, in input order.</summary>
    public required long RowsScored { get; init; }
    /// <summary>Rows rejected.</summary>
    public required long RowsRejected { get; init; }
    /// <summary>The line of every rejected row (the header is line 1), up to <see cref="BatchScorer.MaxRejectedLinesKept"/>.</summary>
    public required IReadOnlyList<int> RejectedLines { get; init; }
    /// <summary>The first rejected rows with why (reasons name fields and rules, never values).</summary>
    public required IReadOnlyList<CsvRejection> Rejections { get; init; }
    /// <summary>Scored rows with an input outside the training p01..p99 (flagged in <c>out_of_range</c>).</summary>
    public required long RowsOutOfRange { get; init; }
    /// <summary>The level of the forecast ranges, or null when the version has none (the range columns are empty).</summary>
    public double? RangeLevel { get; init; }
    /// <summary>When the job started scoring.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When the output was complete.</summary>
    public required DateTimeOffset FinishedAt { get; init; }
    /// <summary>Seconds from start to finish.</summary>
    public required double DurationSeconds { get; init; }
    /// <summary>Rows scored per second.</summary>
    public required double RowsPerSecond { get; init; }
}
