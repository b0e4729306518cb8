using ArchiveForecast.Core.Inference;

namespace ArchiveForecast.Cli.Scoring;

/// <summary>
/// The input header of a scored CSV: every input column in order, as written, then the outputs of
/// <see cref="ScoredCsv"/>. An input column named like an output is kept as <c>actual_…</c>, never overwritten.
/// </summary>
internal static class ScoredHeader
{
    /// <summary>The input header as written out: columns named like an output get <see cref="ScoredCsv.ActualPrefix"/>.</summary>
    /// <exception cref="CliException">Renaming would collide with a column the file already has (exit code 2).</exception>
    public static IReadOnlyList<string> InputHeader(IReadOnlyList<string> header, string file)
    {
        var taken = new HashSet<string>(header, StringComparer.OrdinalIgnoreCase);
        var names = new string[header.Count];
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i];
            if (!ScoredCsv.OutputColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names[i] = name;
                continue;
            }

            string actual = ScoredCsv.ActualPrefix + name;
            if (taken.Contains(actual))
            {
                throw CliException.BadInput(
                    $"{file}: the column {name} would be kept as {actual}, but the file already has a column {actual}; rename one of them.");
            }

            names[i] = actual;
        }

        return names;
    }
}
