using System.Diagnostics;

namespace ArchiveForecast.TestSupport;

/// <summary>
/// Waits for background work (a reload, a queue consumer, a server starting) to reach a state. The bound is generous
/// and never the thing under test; callers assert on the result, so that a state never reached fails the test.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan DefaultPause = TimeSpan.FromMilliseconds(20);

    /// <summary>True as soon as <paramref name="condition"/> holds; false when it still does not after <paramref name="within"/>.</summary>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? within = null) =>
        UntilAsync(() => Task.FromResult(condition()), done => done, within);

    /// <inheritdoc cref="TrueAsync(Func{bool}, TimeSpan?)"/>
    public static Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null, TimeSpan? pause = null) =>
        UntilAsync(condition, done => done, within, pause);

    /// <summary>
    /// Probes until <paramref name="done"/> holds for the value and returns that value; when the bound passes first, the
    /// last value probed, so that the caller's assertion says where it stopped. A probe that throws ends the wait: only
    /// "not yet" is retried.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null, TimeSpan? pause = null)
    {
        TimeSpan bound = within ?? DefaultBound;
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            T value = await probe();
            if (done(value) || Stopwatch.GetElapsedTime(started) > bound)
            {
                return value;
            }

            await Task.Delay(pause ?? DefaultPause);
        }
    }
}
