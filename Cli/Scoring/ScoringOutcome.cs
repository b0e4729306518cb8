namespace ArchiveForecast.Cli.Scoring;

/// <summary>What <c>predict</c> did with a file: rows scored and written, or the problems that stopped it (nothing written).</summary>
/// <param name="Rows">Rows scored.</param>
/// <param name="OutOfRangeRows">Scored rows with an input outside the training range.</param>
/// <param name="Problems">The first problems found.</param>
/// <param name="ProblemCount">Every problem found.</param>
internal sealed record ScoringOutcome(long Rows, long OutOfRangeRows, IReadOnlyList<InputProblem> Problems, long ProblemCount);
