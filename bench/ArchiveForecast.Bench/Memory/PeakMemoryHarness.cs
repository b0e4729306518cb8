using System.Diagnostics;
using System.Globalization;
using ArchiveForecast.Bench.Fixtures;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Training.Modeling;

namespace ArchiveForecast.Bench.Memory;

/// <summary>
/// `peak-memory [rows] [trainer]`: generates the rows and fits them in this fresh process, then prints the fit time,
/// model.zip size and the process's peak resident set (VmHWM), which BenchmarkDotNet does not measure.
/// </summary>
public static class PeakMemoryHarness
{
    /// <summary>The command name on the bench's command line.</summary>
    public const string Command = "peak-memory";

    public static int Run(string[] args)
    {
        int rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var kind = args.Length > 1 ? TrainerKindNames.Parse(args[1]) : TrainingDefaults.Trainer;
        var settings = TrainingDefaults.Settings(kind);

        var data = BenchData.TrainingRows(rows);
        long afterData = ReadStatusKb("VmHWM");
        var watch = Stopwatch.StartNew();
        var trained = ForecastTrainer.Fit(data, settings, CancellationToken.None);
        watch.Stop();

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"rows={rows} trainer={TrainerKindNames.Format(kind)} trees={settings.NumberOfTrees} leaves={settings.NumberOfLeaves} " +
            $"fit_s={watch.Elapsed.TotalSeconds:F2} model_zip_bytes={trained.ModelZip.Length} " +
            $"peak_rss_after_data_mb={afterData / 1024.0:F0} peak_rss_mb={ReadStatusKb("VmHWM") / 1024.0:F0} " +
            $"gc_allocated_mb={GC.GetTotalAllocatedBytes() / 1048576.0:F0} server_gc={System.Runtime.GCSettings.IsServerGC}"));
        return 0;
    }

    private static long ReadStatusKb(string field)
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}
