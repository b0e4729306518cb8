using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Inference;

/// <summary>
/// One loaded, immutable model version. Thread-safe: single predictions use pooled prediction engines over the one
/// loaded transformer; batches go through one transform of the whole batch.
/// </summary>
// CONTRACT STUB: implemented by the inference work; signatures are what other layers code against.
public sealed class ForecastModel : IDisposable
{
    private ForecastModel() => throw new NotImplementedException();

    /// <summary>The model name.</summary>
    public string Name => throw new NotImplementedException();

    /// <summary>The version number (0 for a model not yet published, such as a fresh candidate under evaluation).</summary>
    public int Version => throw new NotImplementedException();

    /// <summary>The model card, when loaded from a published version.</summary>
    public ModelCard? Card => throw new NotImplementedException();

    /// <summary>The manifest, when loaded from a published version.</summary>
    public Manifest? Manifest => throw new NotImplementedException();

    /// <summary>The training quantiles used for out-of-range flags, when known.</summary>
    public FeatureQuantiles? Quantiles => throw new NotImplementedException();

    /// <summary>When the model was loaded.</summary>
    public DateTimeOffset LoadedAt => throw new NotImplementedException();

    /// <summary>Loads a verified published version and checks it on its canary rows.</summary>
    /// <exception cref="ModelSelfCheckException">The canaries do not reproduce, or a prediction is not finite.</exception>
    public static ForecastModel Load(VerifiedVersion version, TimeProvider timeProvider) => throw new NotImplementedException();

    /// <summary>Loads model.zip bytes without a card (a candidate under evaluation); no canary check.</summary>
    public static ForecastModel FromZip(string name, int version, ReadOnlyMemory<byte> modelZip, FeatureQuantiles? quantiles, TimeProvider timeProvider) => throw new NotImplementedException();

    /// <summary>Predicts one input.</summary>
    public ForecastPrediction Predict(ForecastInput input) => throw new NotImplementedException();

    /// <summary>Predicts many inputs in one pass, in order.</summary>
    public IReadOnlyList<ForecastPrediction> PredictBatch(IReadOnlyList<ForecastInput> inputs) => throw new NotImplementedException();

    /// <summary>Per-feature contributions to both targets' predictions of one input.</summary>
    public ForecastExplanation Explain(ForecastInput input) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose() => throw new NotImplementedException();
}
