using System.Diagnostics;

namespace ArchiveForecast.Core.Tests.Fakes;

/// <summary>Waits for background work to reach a state; the bound is generous and never the thing under test.</summary>
public static class Eventually
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task<bool> TrueAsync(Func<bool> condition)
    {
        long started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > Bound)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
