namespace ArchiveForecast.Training.Data;

/// <summary>Where each required column (and the source column, <c>source_id</c> unless told otherwise, when present) is in the records of a file, from its header.</summary>
internal sealed record CsvColumnMap(int FieldCount, int[] Required, int SourceId)
{
    public const string SourceIdColumn = "source_id";

    /// <summary>Maps a header row by name (trimmed, case-insensitive; extra columns ignored).</summary>
    /// <param name="header">The header record, or null when the file is empty.</param>
    /// <param name="required">The columns every row needs, in the order the parser reads them.</param>
    /// <param name="fileKind">"A training file" or "An input file", for messages.</param>
    /// <param name="sourceColumn">The column naming each row's source.</param>
    /// <exception cref="TrainingDataException">The file is empty, or the header is unreadable, repeats a known column or lacks a required one.</exception>
    public static CsvColumnMap Create(CsvRawRecord? header, IReadOnlyList<string> required, string fileKind, string sourceColumn = SourceIdColumn)
    {
        string needs = $"{fileKind} needs the columns {string.Join(", ", required)} (in any order; other columns are ignored).";
        if (header is not { } record)
        {
            throw new TrainingDataException($"The file is empty: it must start with a header row. {needs}");
        }

        if (record.Error is not null)
        {
            throw new TrainingDataException($"The header row (line {record.Line}) cannot be read: {record.Error}.");
        }

        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var known = new HashSet<string>([.. required, sourceColumn], StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < record.Fields.Length; i++)
        {
            string name = record.Fields[i].Trim();
            if (known.Contains(name) && !positions.TryAdd(name, i))
            {
                throw new TrainingDataException($"The header row names the column {name.ToLowerInvariant()} twice.");
            }
        }

        var missing = required.Where(c => !positions.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new TrainingDataException(
                $"The header row lacks the required column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}. {needs}");
        }

        return new CsvColumnMap(
            record.Fields.Length,
            [.. required.Select(c => positions[c])],
            positions.TryGetValue(sourceColumn, out int source) ? source : -1);
    }

    /// <summary>The trimmed value of the <paramref name="index"/>-th required column.</summary>
    public string Field(CsvRawRecord record, int index) => record.Fields[Required[index]].Trim();

    /// <summary>The <c>source_id</c> of a record, or null when the file has none or the field is empty.</summary>
    public string? SourceIdOf(CsvRawRecord record)
    {
        string? value = SourceId < 0 ? null : record.Fields[SourceId].Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
