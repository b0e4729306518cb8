namespace ArchiveForecast.Training.Data;

/// <summary>What reading an input file to score gave: the accepted rows in file order, and the rejected ones.</summary>
/// <param name="Rows">The rows that passed every rule.</param>
/// <param name="Rejections">The first rejected rows (at most <see cref="CsvTrainingDataReader.MaxRejectionsKept"/>).</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsRejected">Every rejected row.</param>
/// <param name="HasSourceId">True when the file has a <c>source_id</c> column.</param>
/// <param name="Header">The header row's column names, trimmed, in order.</param>
public sealed record InstanceReadResult(
    IReadOnlyList<InstanceRow> Rows,
    IReadOnlyList<CsvRejection> Rejections,
    int RowsRead,
    int RowsRejected,
    bool HasSourceId,
    IReadOnlyList<string>? Header = null);
