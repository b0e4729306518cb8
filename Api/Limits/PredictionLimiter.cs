using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Limits;

/// <summary>The slots of prediction work of this instance (<see cref="PredictionLimitOptions"/>).</summary>
public sealed class PredictionLimiter : IDisposable
{
    private readonly SemaphoreSlim slots;
    private readonly TimeSpan queueTimeout;

    /// <summary>Creates the limiter from the options.</summary>
    public PredictionLimiter(IOptions<PredictionLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        Capacity = value.MaxConcurrent;
        queueTimeout = value.QueueTimeout;
        RetryAfter = value.RetryAfter;
        slots = new SemaphoreSlim(Capacity, Capacity);
    }

    /// <summary>The number of slots.</summary>
    public int Capacity { get; }

    /// <summary>The slots in use now.</summary>
    public int InUse => Capacity - slots.CurrentCount;

    /// <summary>The delay a refused client is told to wait.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Takes a slot, waiting up to the queue timeout; null when none came free. Dispose the slot to return it.</summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken) =>
        await slots.WaitAsync(queueTimeout, cancellationToken) ? new Slot(slots) : null;

    /// <inheritdoc />
    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
