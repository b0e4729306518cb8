using System.Globalization;
using System.Text;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Inference;

/// <summary>
/// The columns a scored CSV appends to each input row, the same as the planner page's download (Api/Ui/index.html,
/// <c>resultsCsv</c>): the forecasts, the flags, then each target's range at the chosen level (empty for a version
/// without calibrated ranges). Text that a spreadsheet would run as a formula is neutralised.
/// </summary>
public static class ScoredCsv
{
    /// <summary>What an input column named like an output is kept as: <c>actual_…</c>, never overwritten.</summary>
    public const string ActualPrefix = "actual_";

    /// <summary>The output columns, in order.</summary>
    public static IReadOnlyList<string> OutputColumns { get; } =
    [
        .. FieldNames.Targets,
        "out_of_range",
        .. FieldNames.Targets.SelectMany(t => new[] { t + "_lower", t + "_upper" }),
    ];

    /// <summary>Appends the output fields of one prediction (no leading comma, no line end).</summary>
    public static StringBuilder AppendOutputs(StringBuilder line, ForecastPrediction prediction, PredictionIntervals? ranges)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(prediction);
        line.Append(Number(prediction.ArchivedGbNextPeriod)).Append(',')
            .Append(Number(prediction.SavingsGbNextPeriod)).Append(',')
            .Append(Cell(string.Join(';', prediction.OutOfRange)));
        return ranges is null
            ? line.Append(",,,,")
            : line.Append(',').Append(Number(ranges.ArchivedGbNextPeriod.Lower))
                .Append(',').Append(Number(ranges.ArchivedGbNextPeriod.Upper))
                .Append(',').Append(Number(ranges.SavingsGbNextPeriod.Lower))
                .Append(',').Append(Number(ranges.SavingsGbNextPeriod.Upper));
    }

    /// <summary>One field of a scored file: neutralised when a spreadsheet would read it as a formula, then quoted when needed.</summary>
    public static string Cell(string text) => CsvRows.Field(Neutralise(text));

    /// <summary>
    /// A text beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe
    /// (OWASP's CSV injection advice), so a spreadsheet shows it instead of running it. A number stays a number.
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return text;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? text : "'" + text;
    }

    /// <summary>A forecast in GB with the four decimals the data has, not seventeen significant digits.</summary>
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
