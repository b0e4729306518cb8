namespace ArchiveForecast.Training.Batch;

/// <summary>Where <see cref="BatchScorer"/> writes scored rows, in input order: a CSV (<see cref="ScoredCsvSink"/>) or anything a host needs.</summary>
public interface IScoredRowSink
{
    /// <summary>Called once, before any row, with the input's header (trimmed, in order).</summary>
    ValueTask BeginAsync(IReadOnlyList<string> header, CancellationToken cancellationToken);

    /// <summary>Called with each batch of scored rows, in input order.</summary>
    ValueTask WriteAsync(IReadOnlyList<ScoredRow> rows, CancellationToken cancellationToken);

    /// <summary>Called once after the last row.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
