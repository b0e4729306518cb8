namespace ArchiveForecast.TestSupport;

/// <summary>The instant test clocks start at, so that dates in builders and clocks agree.</summary>
public static class TestClock
{
    public static DateTimeOffset Start { get; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
}
