namespace ArchiveForecast.Cli.Scoring;

/// <summary>A rejected input of a file to score: where it is (a CSV line or a JSON pointer) and why.</summary>
internal sealed record InputProblem(int? Line, string? Pointer, string Detail)
{
    public override string ToString() => Line is int line ? $"line {line}: {Detail}" : $"{(Pointer is { Length: > 0 } p ? p : "/")}: {Detail}";
}
