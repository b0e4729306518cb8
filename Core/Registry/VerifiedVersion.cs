using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Core.Registry;

/// <summary>A version whose every file matched its manifest (SHA-256 and size).</summary>
public sealed record VerifiedVersion(Manifest Manifest, ModelCard Card, FeatureQuantiles Quantiles, ReadOnlyMemory<byte> ModelZip);
