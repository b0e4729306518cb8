namespace ArchiveForecast.Core.Drift;

/// <summary>The drift snapshot of the version a model name serves.</summary>
/// <param name="ModelName">The model name.</param>
/// <param name="Version">The served version the window belongs to.</param>
/// <param name="Snapshot">The drift figures.</param>
public sealed record ModelDrift(string ModelName, int Version, DriftSnapshot Snapshot);
