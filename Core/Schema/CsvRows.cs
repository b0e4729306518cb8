using System.Globalization;
using System.Text;

namespace ArchiveForecast.Core.Schema;

/// <summary>
/// The CSV form of the contract's fields, for every CSV the service writes (training data, scored inputs) and the
/// training-data fingerprint: the month as <c>YYYY-MM-01</c>, numbers in invariant round-trip form, fields joined by
/// commas, text quoted only when it must be.
/// </summary>
public static class CsvRows
{
    /// <summary>Appends the seven input fields in contract order (no line end).</summary>
    public static StringBuilder AppendInput(StringBuilder line, ForecastInput input)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        return line.Append(MonthFormat.Format(input.Month)).Append(',')
            .Append(input.TotalFiles.ToString(culture)).Append(',')
            .Append(input.AvgFileSizeMb.ToString("R", culture)).Append(',')
            .Append(input.PctPdf.ToString("R", culture)).Append(',')
            .Append(input.PctDocx.ToString("R", culture)).Append(',')
            .Append(input.PctXlsx.ToString("R", culture)).Append(',')
            .Append(input.ArchiveFrequencyPerDay.ToString("R", culture));
    }

    /// <summary>Appends the seven input fields and the two targets (no line end).</summary>
    public static StringBuilder AppendExample(StringBuilder line, TrainingExample row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var culture = CultureInfo.InvariantCulture;
        return AppendInput(line, row.Input).Append(',')
            .Append(row.Targets.ArchivedGbNextPeriod.ToString("R", culture)).Append(',')
            .Append(row.Targets.SavingsGbNextPeriod.ToString("R", culture));
    }

    /// <summary>
    /// One text field: quoted (with doubled quotes) when it holds a comma, a quote or a line break, or starts or ends
    /// with white space that a reader would trim; as it is otherwise.
    /// </summary>
    public static string Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 && (text.Length == 0 || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])))
            ? text
            : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
