namespace ArchiveForecast.Core.Inference;

/// <summary>A forecast range of one target in GB.</summary>
public sealed record ForecastInterval(double Lower, double Upper);
