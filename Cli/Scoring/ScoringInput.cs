using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Cli.Scoring;

/// <summary>The inputs of a file to score, in order (with their <c>source_id</c> when a CSV has one), or every problem found.</summary>
internal sealed record ScoringInput(IReadOnlyList<ForecastInput> Inputs, IReadOnlyList<string?>? SourceIds, IReadOnlyList<InputProblem> Problems, int ProblemCount);
