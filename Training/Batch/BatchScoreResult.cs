using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Training.Batch;

/// <summary>What scoring a dataset gave: counts, and the rejected rows by line number (never their contents).</summary>
/// <param name="RowsRead">Data rows read (the header not counted).</param>
/// <param name="RowsScored">Rows scored and written, in input order.</param>
/// <param name="RowsOutOfRange">Scored rows with any input outside the training p01..p99.</param>
/// <param name="RejectedLines">The line of every rejected row, up to <see cref="BatchScorer.MaxRejectedLinesKept"/>.</param>
/// <param name="Rejections">The first rejected rows with why (at most <see cref="CsvTrainingDataReader.MaxRejectionsKept"/>).</param>
/// <param name="RowsRejected">Every rejected row.</param>
public sealed record BatchScoreResult(
    long RowsRead,
    long RowsScored,
    long RowsOutOfRange,
    IReadOnlyList<int> RejectedLines,
    IReadOnlyList<CsvRejection> Rejections,
    long RowsRejected)
{
    /// <summary>The share of rows rejected (0 when nothing was read).</summary>
    public double RejectRatio => RowsRead == 0 ? 0 : (double)RowsRejected / RowsRead;
}
