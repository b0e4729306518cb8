using ArchiveForecast.Bench.Memory;
using ArchiveForecast.Bench.Profiling;
using BenchmarkDotNet.Running;

return args switch
{
    [PeakMemoryHarness.Command, .. var rest] => PeakMemoryHarness.Run(rest),
    [HeapMonitor.Command, .. var rest] => HeapMonitor.Run(rest),
    [HotLoop.Command, .. var rest] => HotLoop.Run(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PeakMemoryHarness).Assembly).Run(args);
    return 0;
}
