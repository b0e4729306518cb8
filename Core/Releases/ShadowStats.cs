namespace ArchiveForecast.Core.Releases;

/// <summary>How far the candidate's shadow forecasts are from the served ones, in this instance.</summary>
/// <param name="Compared">Forecasts compared (one per instance of a request).</param>
/// <param name="MeanAbsLogRatio">The mean of |ln((1 + candidate) / (1 + served))| over both targets; 0 with none.</param>
/// <param name="ShareOverTwentyPercent">The share of forecasts whose ratio is beyond 1.2 either way.</param>
/// <param name="Dropped">Requests not shadowed because the queue was full.</param>
public sealed record ShadowStats(long Compared, double MeanAbsLogRatio, double ShareOverTwentyPercent, long Dropped);
