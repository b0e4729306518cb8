using System.Diagnostics;
using System.Globalization;
using ArchiveForecast.Bench.Fixtures;

namespace ArchiveForecast.Bench.Profiling;

/// <summary>
/// `hot-loop predict|batch|explain SECONDS`: runs one path in a loop for a while, for a profiler to sample
/// (`dotnet-trace collect --format Speedscope -- ArchiveForecast.Bench hot-loop predict 10`), then prints the rate and
/// the per-call latency percentiles (each call timed alone, so p50 and p99 are of single calls, not of iterations).
/// </summary>
public static class HotLoop
{
    /// <summary>The command name on the bench's command line.</summary>
    public const string Command = "hot-loop";

    private const int MaxSamples = 4_000_000;

    public static int Run(string[] args)
    {
        string path = args.Length > 0 ? args[0] : "predict";
        double seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        using var fixture = BenchModel.Train(600);
        var inputs = BenchData.ScoringInputs(1_024);
        var model = fixture.Model;
        Action<int> step = path switch
        {
            "predict" => i => model.Predict(inputs[i & 1023]),
            "explain" => i => model.Explain(inputs[i & 1023]),
            "batch" => _ => model.PredictBatch(inputs),
            _ => throw new ArgumentException($"Unknown path '{path}'; expected predict, batch or explain.", nameof(args)),
        };

        // Warm-up so tiered compilation has settled before the timed calls.
        var warmup = Stopwatch.StartNew();
        for (int i = 0; warmup.Elapsed.TotalSeconds < Math.Min(2, seconds / 5); i++)
        {
            step(i);
        }

        var samples = new long[MaxSamples];
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 1_000; i++)
            {
                long start = Stopwatch.GetTimestamp();
                step(i);
                long elapsed = Stopwatch.GetTimestamp() - start;
                if (calls + i < MaxSamples)
                {
                    samples[calls + i] = elapsed;
                }
            }

            calls += 1_000;
        }

        watch.Stop();
        int count = (int)Math.Min(calls, MaxSamples);
        Array.Sort(samples, 0, count);
        double Us(double quantile) => samples[(int)Math.Min(count - 1, quantile * count)] * 1e6 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: {calls} calls in {watch.Elapsed.TotalSeconds:F1} s = {watch.Elapsed.TotalMicroseconds / calls:F2} µs per call; " +
            $"per call p50 {Us(0.50):F2} µs, p90 {Us(0.90):F2} µs, p99 {Us(0.99):F2} µs, max {Us(1.0):F2} µs"));
        return 0;
    }
}
