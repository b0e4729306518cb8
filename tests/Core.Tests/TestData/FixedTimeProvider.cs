namespace ArchiveForecast.Core.Tests.TestData;

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static DateTimeOffset Instant { get; } = new(2026, 1, 15, 8, 30, 0, TimeSpan.Zero);

    public FixedTimeProvider()
        : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
