using ArchiveForecast.Core.Features;
using Microsoft.ML.Data;

namespace ArchiveForecast.Core.Modeling;

/// <summary>A training row as ML.NET sees it: the feature vector and both labels, each log1p of the target in GB.</summary>
internal sealed class TrainingRow
{
    [ColumnName(ModelColumns.Features)]
    [VectorType(FeatureSchema.Count)]
    public float[] Features { get; set; } = new float[FeatureSchema.Count];

    [ColumnName(ModelColumns.ArchivedLabel)]
    public float ArchivedLog1pGb { get; set; }

    [ColumnName(ModelColumns.SavingsLabel)]
    public float SavingsLog1pGb { get; set; }
}
