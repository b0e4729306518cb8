namespace ArchiveForecast.Core.Artifacts;

/// <summary>The file names of a version folder.</summary>
public static class ArtifactFiles
{
    /// <summary>The ML.NET model.</summary>
    public const string Model = "model.zip";
    /// <summary>Metrics, parameters, data fingerprint, timings, canary rows.</summary>
    public const string ModelCard = "model_card.json";
    /// <summary>p01 p10 p50 p90 p99 of every input feature of the training data.</summary>
    public const string FeatureQuantiles = "feature_quantiles.json";
    /// <summary>SHA-256 and size of every other file; written last, so a version without it is incomplete.</summary>
    public const string Manifest = "manifest.json";
}
