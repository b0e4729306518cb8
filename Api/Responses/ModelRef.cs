namespace ArchiveForecast.Api.Responses;

/// <summary>The model version that answered: <c>{"name","version"}</c>.</summary>
public sealed record ModelRef(string Name, int Version);
