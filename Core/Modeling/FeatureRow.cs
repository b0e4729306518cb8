using ArchiveForecast.Core.Features;
using Microsoft.ML.Data;

namespace ArchiveForecast.Core.Modeling;

/// <summary>A scoring row: the feature vector only (the trainers' transformers read nothing else).</summary>
internal sealed class FeatureRow
{
    [ColumnName(ModelColumns.Features)]
    [VectorType(FeatureSchema.Count)]
    public float[] Features { get; set; } = new float[FeatureSchema.Count];
}
