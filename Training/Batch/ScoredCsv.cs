using System.Globalization;
using System.Text;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Training.Batch;

/// <summary>
/// The layout of a scored CSV (batch jobs, CLI <c>predict</c>), the same as the planner page's download
/// (Api/Ui/index.html, <c>resultsCsv</c>): every input column in order, as written, then the outputs. An input column named like an output is kept as
/// <c>actual_…</c>, never overwritten; text that a spreadsheet would run as a formula is neutralised.
/// </summary>
public static class ScoredCsv
{
    public const string ActualPrefix = "actual_";

    private const string NumberFormat = "0.####";

    /// <summary>
    /// The columns appended to every row: the forecasts, the flags, then each target's range at the chosen level (empty
    /// for a version without calibrated ranges).
    /// </summary>
    public static IReadOnlyList<string> OutputColumns { get; } =
    [
        .. FieldNames.Targets,
        "out_of_range",
        .. FieldNames.Targets.SelectMany(t => new[] { t + "_lower", t + "_upper" }),
    ];

    /// <summary>The input header as written out: columns named like an output get <see cref="ActualPrefix"/>.</summary>
    /// <exception cref="TrainingDataException">Renaming would collide with a column the file already has.</exception>
    public static IReadOnlyList<string> InputHeader(IReadOnlyList<string> header, string? file = null)
    {
        file = file is null ? string.Empty : file + ": ";
        var taken = new HashSet<string>(header, StringComparer.OrdinalIgnoreCase);
        var names = new string[header.Count];
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i];
            if (!OutputColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names[i] = name;
                continue;
            }

            string actual = ActualPrefix + name;
            if (taken.Contains(actual))
            {
                throw new TrainingDataException(
                    $"{file}the column {name} would be kept as {actual}, but the file already has a column {actual}; rename one of them.");
            }

            names[i] = actual;
        }

        return names;
    }

    /// <summary>One CSV field: neutralised when a spreadsheet would read it as a formula, then quoted when needed.</summary>
    public static string Cell(string text) => CsvRows.Field(Neutralise(text));

    /// <summary>
    /// A text beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe
    /// (OWASP's CSV injection advice), so a spreadsheet shows it instead of running it. A number stays a number.
    /// </summary>
    public static string Neutralise(string text)
    {
        if (text.Length == 0 || text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return text;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? text : "'" + text;
    }

    /// <summary>A forecast in GB with the four decimals the data has, not seventeen significant digits.</summary>
    public static string Number(double value) => value.ToString(NumberFormat, CultureInfo.InvariantCulture);

    /// <summary>Appends <see cref="Number"/>'s text without making a string of it (a million-row job appends six a row).</summary>
    public static StringBuilder AppendNumber(StringBuilder builder, double value) =>
        builder.Append(CultureInfo.InvariantCulture, $"{value:0.####}");
}
