using ArchiveForecast.Core.Inference;

namespace ArchiveForecast.Core.Releases;

/// <summary>Counts and recent latencies of one role. Thread-safe; the latencies are the last <see cref="Window"/> requests.</summary>
internal sealed class RoleCounter(int version)
{
    public const int Window = 4096;

    private readonly Lock sync = new();
    private readonly double[] latencies = new double[Window];
    private long requests;
    private long errors;
    private long predictions;
    private long outOfRange;
    private int next;
    private int filled;

    public long Requests => Interlocked.Read(ref requests);

    public void Record(TimeSpan elapsed, IReadOnlyList<ForecastPrediction>? results)
    {
        int flagged = 0;
        if (results is not null)
        {
            foreach (var result in results)
            {
                if (result.OutOfRange.Count > 0)
                {
                    flagged++;
                }
            }
        }

        lock (sync)
        {
            requests++;
            if (results is null)
            {
                errors++;
            }
            else
            {
                predictions += results.Count;
                outOfRange += flagged;
            }

            latencies[next] = elapsed.TotalMilliseconds;
            next = (next + 1) % Window;
            filled = Math.Min(filled + 1, Window);
        }
    }

    public RoleStats Snapshot()
    {
        double[] recent;
        long requestCount, errorCount, predictionCount, flaggedCount;
        lock (sync)
        {
            recent = latencies[..filled];
            requestCount = requests;
            errorCount = errors;
            predictionCount = predictions;
            flaggedCount = outOfRange;
        }

        Array.Sort(recent);
        return new RoleStats(
            version,
            requestCount,
            errorCount,
            requestCount == 0 ? 0 : (double)errorCount / requestCount,
            Percentile(recent, 0.50),
            Percentile(recent, 0.99),
            predictionCount == 0 ? 0 : (double)flaggedCount / predictionCount);
    }

    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
