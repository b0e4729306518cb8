namespace ArchiveForecast.Training.Data;

/// <summary>A row of a training file that was not used, with its 1-based line number (the header is line 1) and why.</summary>
public sealed record CsvRejection(int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}: {Reason}";
}
