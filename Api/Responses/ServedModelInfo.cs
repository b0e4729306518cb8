namespace ArchiveForecast.Api.Responses;

/// <summary>A served model version and when it was loaded.</summary>
public sealed record ServedModelInfo(string Name, int Version, DateTimeOffset LoadedAt);
