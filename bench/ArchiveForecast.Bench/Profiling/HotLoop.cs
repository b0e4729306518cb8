using System.Diagnostics;
using System.Globalization;
using ArchiveForecast.Bench.Fixtures;

namespace ArchiveForecast.Bench.Profiling;

/// <summary>
/// `hot-loop predict|batch|explain SECONDS`: runs one path in a loop for a while, for a profiler to sample
/// (`dotnet-trace collect --format Speedscope -- ArchiveForecast.Bench hot-loop predict 10`), then prints the rate.
/// </summary>
public static class HotLoop
{
    /// <summary>The command name on the bench's command line.</summary>
    public const string Command = "hot-loop";

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

        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 1_000; i++)
            {
                step(i);
            }

            calls += 1_000;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{path}: {calls} calls in {watch.Elapsed.TotalSeconds:F1} s = {watch.Elapsed.TotalMicroseconds / calls:F2} µs per call"));
        return 0;
    }
}
