using System.Text.Json.Serialization;

namespace ArchiveForecast.Api.Problems;

/// <summary>An RFC 9457 problem document as the API writes it.</summary>
public sealed record ProblemBody
{
    /// <summary>A stable URI from <see cref="ProblemTypes"/>.</summary>
    public required string Type { get; init; }
    /// <summary>A short summary of the problem type.</summary>
    public required string Title { get; init; }
    /// <summary>The HTTP status.</summary>
    public required int Status { get; init; }
    /// <summary>What went wrong with this request.</summary>
    public required string Detail { get; init; }
    /// <summary>The request path.</summary>
    public required string Instance { get; init; }
    /// <summary>The trace id to quote when asking for help.</summary>
    public required string TraceId { get; init; }
    /// <summary>Every error of the request, for malformed and invalid requests.</summary>
    public IReadOnlyList<ProblemError>? Errors { get; init; }
    /// <summary>The model version still served, for problems about models.</summary>
    public int? ServedVersion { get; init; }
    /// <summary>Set when more errors were found than are listed.</summary>
    [JsonPropertyName("errors_truncated")]
    public bool? ErrorsTruncated { get; init; }
}
