using ArchiveForecast.Core.Features;
using Microsoft.ML.Data;

namespace ArchiveForecast.Core.Modeling;

/// <summary>A training row as ML.NET sees it: the feature vector and both labels, each ln(GB + 0.001) of its target (<see cref="ForecastPipeline.ToLabel"/>).</summary>
internal sealed class TrainingRow
{
    [ColumnName(ModelColumns.Features)]
    [VectorType(FeatureSchema.Count)]
    public float[] Features { get; set; } = new float[FeatureSchema.Count];

    [ColumnName(ModelColumns.ArchivedLabel)]
    public float ArchivedLogGb { get; set; }

    [ColumnName(ModelColumns.SavingsLabel)]
    public float SavingsLogGb { get; set; }
}
