namespace ArchiveForecast.Api.Input;

/// <summary>The body of a promote: <c>{"version":N}</c>.</summary>
public sealed record PromoteRequest(int Version);
