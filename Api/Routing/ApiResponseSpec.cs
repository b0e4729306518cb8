namespace ArchiveForecast.Api.Routing;

/// <summary>One documented response of a route: its status, what it means, and the schema of its body (null for none).</summary>
public sealed record ApiResponseSpec(int Status, string Description, string? Schema, string ContentType = ApiResponseSpec.Json)
{
    /// <summary>The content type of JSON bodies.</summary>
    public const string Json = "application/json";

    /// <summary>The content type of problem bodies.</summary>
    public const string Problem = "application/problem+json";

    /// <summary>The content type of the scenario page.</summary>
    public const string Html = "text/html";
}
