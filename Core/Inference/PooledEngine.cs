using ArchiveForecast.Core.Modeling;
using Microsoft.ML;

namespace ArchiveForecast.Core.Inference;

/// <summary>One prediction engine with the input and output rows it reuses.</summary>
internal sealed class PooledEngine<TOutput>(PredictionEngine<FeatureRow, TOutput> engine) : IDisposable
    where TOutput : class, new()
{
    private TOutput output = new();

    public FeatureRow Input { get; } = new();

    public TOutput Output => this.output;

    public void Run() => engine.Predict(Input, ref this.output);

    public void Dispose() => engine.Dispose();
}
