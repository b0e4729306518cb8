using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Drift;

namespace ArchiveForecast.Api.Responses;

/// <summary>The served version of a model: which it is, its model card, its manifest, its training quantiles, and how far its recent inputs have drifted from them.</summary>
public sealed record ModelInfoResponse(
    ServedModelInfo Model,
    ModelCard? Card,
    Manifest? Manifest,
    FeatureQuantiles? FeatureQuantiles,
    LoadStateInfo LoadState,
    DriftSnapshot? Drift = null,
    PromotionInfo? Promotion = null);
