using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Api.Responses;

/// <summary>The served version of a model: which it is, its model card, its manifest and its training quantiles.</summary>
public sealed record ModelInfoResponse(
    ServedModelInfo Model,
    ModelCard? Card,
    Manifest? Manifest,
    FeatureQuantiles? FeatureQuantiles,
    LoadStateInfo LoadState);
