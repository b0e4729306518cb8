using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Cli.Scoring;

/// <summary>The inputs of a file to score, in order, or every problem found.</summary>
/// <param name="Inputs">The parsed instances.</param>
/// <param name="Header">A CSV's header, in order (null for JSON input).</param>
/// <param name="Fields">A CSV's fields per row, as written, in the header's order (null for JSON input).</param>
/// <param name="Problems">The first problems found.</param>
/// <param name="ProblemCount">Every problem found.</param>
internal sealed record ScoringInput(
    IReadOnlyList<ForecastInput> Inputs,
    IReadOnlyList<string>? Header,
    IReadOnlyList<IReadOnlyList<string>>? Fields,
    IReadOnlyList<InputProblem> Problems,
    int ProblemCount);
