namespace ArchiveForecast.Core.Modeling;

/// <summary>The tree ensemble that fits both targets. The CLI names are in <see cref="TrainerKindNames"/>.</summary>
public enum TrainerKind
{
    /// <summary>A random forest (bagged trees); robust defaults, no learning rate.</summary>
    FastForest,
    /// <summary>Gradient-boosted trees (ML.NET's MART).</summary>
    FastTree,
    /// <summary>Gradient-boosted trees by LightGBM.</summary>
    LightGbm,
}
