namespace ArchiveForecast.Api.Problems;

/// <summary>A kind of problem: its stable <c>type</c> URI, its title and its HTTP status.</summary>
public sealed record ProblemType(string Uri, string Title, int Status);
