using Microsoft.ML.Data;

namespace ArchiveForecast.Core.Modeling;

/// <summary>The scores of both targets.</summary>
internal sealed class ScoreRow
{
    [ColumnName(ModelColumns.ArchivedScore)]
    public float ArchivedScore { get; set; }

    [ColumnName(ModelColumns.SavingsScore)]
    public float SavingsScore { get; set; }
}
