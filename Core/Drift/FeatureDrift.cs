namespace ArchiveForecast.Core.Drift;

/// <summary>How far recent values of one input field are from its training distribution.</summary>
/// <param name="ShareOutside">The share of recent values below the training p01 or above p99 (about 0.02 without drift).</param>
/// <param name="Psi">The population stability index over the quantile bins (about 0 without drift; above 0.2 is drift).</param>
public sealed record FeatureDrift(double ShareOutside, double Psi);
