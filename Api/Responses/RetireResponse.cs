namespace ArchiveForecast.Api.Responses;

/// <summary>The answer of <c>POST /api/models/{name}/retire</c>.</summary>
public sealed record RetireResponse(string Model, bool Retired, DateTimeOffset RetiredAt);
