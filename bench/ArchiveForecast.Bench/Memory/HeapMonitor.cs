using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace ArchiveForecast.Bench.Memory;

/// <summary>
/// `heap-monitor PID SECONDS [INTERVAL]`: samples another .NET process's runtime counters over EventPipe (what
/// dotnet-counters shows) and prints one line per interval, then a summary of the managed heap's trend.
/// </summary>
public static class HeapMonitor
{
    /// <summary>The command name on the bench's command line.</summary>
    public const string Command = "heap-monitor";

    private static readonly string[] Columns =
        ["gc-heap-size", "gen-0-size", "gen-1-size", "gen-2-size", "loh-size", "poh-size", "gc-committed", "working-set",
         "gen-0-gc-count", "gen-1-gc-count", "gen-2-gc-count", "alloc-rate", "time-in-gc"];

    public static int Run(string[] args)
    {
        int pid = int.Parse(args[0], CultureInfo.InvariantCulture);
        int seconds = int.Parse(args[1], CultureInfo.InvariantCulture);
        int interval = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;

        var client = new DiagnosticsClient(pid);
        var provider = new EventPipeProvider(
            "System.Runtime", EventLevel.Informational, (long)EventKeywords.None,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = interval.ToString(CultureInfo.InvariantCulture) });
        using var session = client.StartEventPipeSession([provider], requestRundown: false);
        using var stopper = new Timer(_ => session.Stop(), null, TimeSpan.FromSeconds(seconds + 0.5), Timeout.InfiniteTimeSpan);

        var current = new Dictionary<string, double>(StringComparer.Ordinal);
        var samples = new List<Dictionary<string, double>>();
        Console.WriteLine("t_s " + string.Join(' ', Columns) + "  (sizes in MB, counts per interval)");
        using var source = new EventPipeEventSource(session.EventStream);
        source.Dynamic.All += e =>
        {
            if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer
                || outer["Payload"] is not IDictionary<string, object> payload)
            {
                return;
            }

            string name = (string)payload["Name"];
            double value = payload.TryGetValue("Mean", out object? mean) ? Convert.ToDouble(mean, CultureInfo.InvariantCulture)
                : Convert.ToDouble(payload["Increment"], CultureInfo.InvariantCulture);
            if (current.ContainsKey(name))
            {
                Flush(current, samples, interval);
            }

            current[name] = value;
        };
        source.Process();
        if (current.Count > 0)
        {
            Flush(current, samples, interval);
        }

        Summarise(samples);
        return 0;
    }

    private static void Flush(Dictionary<string, double> current, List<Dictionary<string, double>> samples, int interval)
    {
        samples.Add(new Dictionary<string, double>(current, StringComparer.Ordinal));
        var line = new List<string> { (samples.Count * interval).ToString(CultureInfo.InvariantCulture) };
        foreach (string column in Columns)
        {
            line.Add(current.TryGetValue(column, out double value) ? Format(column, value) : "-");
        }

        Console.WriteLine(string.Join(' ', line));
        current.Clear();
    }

    // gc-heap-size rises between collections and drops at each one, so the trend that matters is what survives them:
    // gen 2 plus the large and pinned object heaps, sampled after the last collection.
    private static void Summarise(List<Dictionary<string, double>> samples)
    {
        var survived = samples
            .Where(s => s.ContainsKey("gen-2-size") && s.ContainsKey("loh-size"))
            .Select(s => (s["gen-2-size"] + s["loh-size"] + s.GetValueOrDefault("poh-size")) / 1048576.0)
            .ToArray();
        var heap = samples.Where(s => s.ContainsKey("gc-heap-size")).Select(s => s["gc-heap-size"]).ToArray();
        if (survived.Length < 2 || heap.Length < 2)
        {
            Console.WriteLine("summary: too few samples");
            return;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"summary: samples={survived.Length} gc_heap_mb min={heap.Min():F1} max={heap.Max():F1} first={heap[0]:F1} last={heap[^1]:F1}; " +
            $"gen2+loh+poh_mb first={survived[0]:F1} last={survived[^1]:F1} max={survived.Max():F1}; " +
            $"gen2_collections={samples.Sum(s => s.GetValueOrDefault("gen-2-gc-count")):F0}"));
    }

    private static string Format(string column, double value) => column switch
    {
        "gc-heap-size" or "working-set" or "gc-committed" => value.ToString("F1", CultureInfo.InvariantCulture),
        "gen-0-size" or "gen-1-size" or "gen-2-size" or "loh-size" or "poh-size" => (value / 1048576.0).ToString("F1", CultureInfo.InvariantCulture),
        "alloc-rate" => (value / 1048576.0).ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F0", CultureInfo.InvariantCulture),
    };
}
