using ArchiveForecast.Bench.Memory;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == PeakMemoryHarness.Command)
{
    return PeakMemoryHarness.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(PeakMemoryHarness).Assembly).Run(args);
return 0;
