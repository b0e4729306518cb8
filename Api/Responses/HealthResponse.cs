namespace ArchiveForecast.Api.Responses;

/// <summary>
/// <c>{"status":"healthy","model":{...}}</c> or <c>{"status":"unhealthy","reason":"..."}</c>. Health is a status
/// document, not an error, so it is <c>application/json</c> in both cases.
/// </summary>
public sealed record HealthResponse(string Status, ServedModelInfo? Model = null, string? Reason = null)
{
    /// <summary><c>healthy</c></summary>
    public const string Healthy = "healthy";

    /// <summary><c>unhealthy</c></summary>
    public const string Unhealthy = "unhealthy";
}
