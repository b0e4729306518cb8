using ArchiveForecast.Core.Features;
using Microsoft.ML.Data;

namespace ArchiveForecast.Bench.Inference;

/// <summary>The scoring row of the batch transform path: the same column as Core's internal feature row.</summary>
public sealed class BenchFeatureRow
{
    [ColumnName("Features")]
    [VectorType(FeatureSchema.Count)]
    public float[] Features { get; set; } = new float[FeatureSchema.Count];
}
