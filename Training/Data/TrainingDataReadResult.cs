using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>What reading a training file gave: the accepted rows in file order, and the rejected ones.</summary>
/// <param name="Accepted">The rows that passed every rule, in file order.</param>
/// <param name="Rejections">The first rejected rows (at most <see cref="CsvTrainingDataReader.MaxRejectionsKept"/>), in file order.</param>
/// <param name="RowsRead">Data rows read (blank lines and the header are not rows).</param>
/// <param name="RowsRejected">Every rejected row, including those beyond the ones kept in <paramref name="Rejections"/>.</param>
public sealed record TrainingDataReadResult(
    IReadOnlyList<TrainingExample> Accepted,
    IReadOnlyList<CsvRejection> Rejections,
    int RowsRead,
    int RowsRejected)
{
    /// <summary>The share of rows rejected (0 when nothing was read).</summary>
    public double RejectedShare => RowsRead == 0 ? 0 : (double)RowsRejected / RowsRead;
}
