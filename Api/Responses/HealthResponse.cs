namespace ArchiveForecast.Api.Responses;

/// <summary>
/// <c>{"status":"healthy","model":{...}}</c> or <c>{"status":"unhealthy","reason":"..."}</c>. Health is a status
/// document, not an error, so it is <c>application/json</c> in both cases. On <c>serve</c> it also says whether the
/// API runs without keys (<c>"anonymous": true</c>), however that was configured; the Functions host always checks keys
/// and leaves it out.
/// </summary>
public sealed record HealthResponse(string Status, ServedModelInfo? Model = null, string? Reason = null, bool? Anonymous = null)
{
    /// <summary><c>healthy</c></summary>
    public const string Healthy = "healthy";

    /// <summary><c>unhealthy</c></summary>
    public const string Unhealthy = "unhealthy";
}
