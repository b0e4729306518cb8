using ArchiveForecast.Core.Modeling;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace ArchiveForecast.Core.Inference;

/// <summary>
/// Prediction engines over one immutable transformer. An engine is not thread-safe, so each call rents one with its
/// own reusable input and output rows; nothing is allocated per call once the pool is warm.
/// </summary>
internal sealed class EnginePool<TOutput> : IDisposable
    where TOutput : class, new()
{
    private readonly ObjectPool<PooledEngine<TOutput>> pool;

    public EnginePool(Func<PredictionEngine<FeatureRow, TOutput>> createEngine)
    {
        // Engines beyond what is retained are disposed on return; the pool disposes the rest with itself.
        var provider = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 4 };
        this.pool = provider.Create(new Policy(createEngine));
    }

    public PooledEngine<TOutput> Rent() => this.pool.Get();

    public void Return(PooledEngine<TOutput> engine) => this.pool.Return(engine);

    public void Dispose() => (this.pool as IDisposable)?.Dispose();

    private sealed class Policy(Func<PredictionEngine<FeatureRow, TOutput>> createEngine) : IPooledObjectPolicy<PooledEngine<TOutput>>
    {
        public PooledEngine<TOutput> Create() => new(createEngine());

        public bool Return(PooledEngine<TOutput> obj) => true;
    }
}
