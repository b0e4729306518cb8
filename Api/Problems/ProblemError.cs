namespace ArchiveForecast.Api.Problems;

/// <summary>One error of a request: where (a JSON pointer into the body, empty for the whole body) and what.</summary>
#pragma warning disable CA1720 // "pointer" is the member's name in RFC 9457 and in the contract.
public sealed record ProblemError(string Pointer, string Detail);
#pragma warning restore CA1720
