using ArchiveForecast.Core.Features;
using Microsoft.ML.Data;

namespace ArchiveForecast.Core.Modeling;

/// <summary>Per-feature contributions to both scores.</summary>
internal sealed class ContributionRow
{
    [ColumnName(ModelColumns.ArchivedContributions)]
    [VectorType(FeatureSchema.Count)]
    public float[] ArchivedContributions { get; set; } = new float[FeatureSchema.Count];

    [ColumnName(ModelColumns.SavingsContributions)]
    [VectorType(FeatureSchema.Count)]
    public float[] SavingsContributions { get; set; } = new float[FeatureSchema.Count];
}
