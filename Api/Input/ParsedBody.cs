using ArchiveForecast.Api.Problems;

namespace ArchiveForecast.Api.Input;

/// <summary>A request body read and parsed: the value, or the problem that stopped it.</summary>
/// <param name="Value">The parsed value, when there is no problem.</param>
/// <param name="Problem">Why the body was refused (415, 413) or did not parse (400, 422).</param>
public readonly record struct ParsedBody<T>(T? Value, ProblemResult? Problem)
    where T : class;
