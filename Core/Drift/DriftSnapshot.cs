namespace ArchiveForecast.Core.Drift;

/// <summary>Drift of a served model's recent inputs, per numeric input field (snake_case names).</summary>
/// <param name="WindowSize">How many recent inputs the figures are computed over.</param>
/// <param name="WindowCapacity">The most recent inputs kept; older ones are overwritten.</param>
/// <param name="Features">Per field with training quantiles; empty while no input has been seen.</param>
public sealed record DriftSnapshot(int WindowSize, int WindowCapacity, IReadOnlyDictionary<string, FeatureDrift> Features)
{
    /// <summary>A snapshot of no inputs.</summary>
    public static DriftSnapshot Empty(int capacity) => new(0, capacity, new Dictionary<string, FeatureDrift>(StringComparer.Ordinal));
}
