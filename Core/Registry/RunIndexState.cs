namespace ArchiveForecast.Core.Registry;

/// <summary>The content of <c>_runs/_complete.json</c>: when run records made before the index were copied into it, and how many.</summary>
public sealed record RunIndexState(DateTimeOffset IndexedAt, int Copied);
