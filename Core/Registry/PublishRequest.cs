using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Core.Registry;

/// <summary>What a training run hands to the registry to publish as a new version.</summary>
public sealed record PublishRequest(ReadOnlyMemory<byte> ModelZip, ModelCard Card, FeatureQuantiles Quantiles);
