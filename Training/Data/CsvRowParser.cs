using System.Globalization;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>
/// Parses the contract's fields of one CSV record: invariant numbers, whole counts, strict months, then the value rules
/// of <see cref="InstanceRules"/>. Every problem of the row is collected, not only the first.
/// </summary>
internal sealed class CsvRowParser
{
    private const double MaxExactInteger = 9_007_199_254_740_992; // 2^53: beyond it a double no longer holds every whole number

    private readonly HashSet<string> unparsed = new(StringComparer.Ordinal);

    /// <summary>The problems of the last row parsed.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The reason of the last row, when it had problems.</summary>
    public string Reason => string.Join("; ", Errors);

    /// <summary>Checks the shape of a record (syntax, field count) and clears the last row's problems; false when it cannot be parsed.</summary>
    public bool Begin(CsvRawRecord record, CsvColumnMap map)
    {
        Errors.Clear();
        unparsed.Clear();
        if (record.Error is not null)
        {
            Errors.Add(record.Error);
            return false;
        }

        if (record.Fields.Length != map.FieldCount)
        {
            Errors.Add($"the row has {record.Fields.Length} field{(record.Fields.Length == 1 ? string.Empty : "s")} where the header has {map.FieldCount}");
            return false;
        }

        return true;
    }

    /// <summary>Parses the seven Instance fields, which are the first seven required columns of <paramref name="map"/>, and checks their rules.</summary>
    public ForecastInput ParseInput(CsvRawRecord record, CsvColumnMap map)
    {
        if (!MonthFormat.TryParse(map.Field(record, 0), out var month, out string monthError))
        {
            Errors.Add(monthError.TrimEnd('.'));
        }

        var input = new ForecastInput(
            month,
            ParseInteger(map.Field(record, 1), FieldNames.TotalFiles),
            ParseNumber(map.Field(record, 2), FieldNames.AvgFileSizeMb),
            ParseNumber(map.Field(record, 3), FieldNames.PctPdf),
            ParseNumber(map.Field(record, 4), FieldNames.PctDocx),
            ParseNumber(map.Field(record, 5), FieldNames.PctXlsx),
            ParseNumber(map.Field(record, 6), FieldNames.ArchiveFrequencyPerDay));
        AddRuleErrors(InstanceRules.Validate(input));
        return input;
    }

    /// <summary>Parses the two targets, the 8th and 9th required columns of <paramref name="map"/>, and checks their rules.</summary>
    public ForecastTargets ParseTargets(CsvRawRecord record, CsvColumnMap map)
    {
        var targets = new ForecastTargets(
            ParseNumber(map.Field(record, 7), FieldNames.ArchivedGbNextPeriod),
            ParseNumber(map.Field(record, 8), FieldNames.SavingsGbNextPeriod));
        AddRuleErrors(InstanceRules.Validate(targets));
        return targets;
    }

    // The value rules run even when some field did not parse, so that a row's every problem is reported at once; rules
    // over a field that did not parse are left out (its parse error says enough).
    private void AddRuleErrors(IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            if (!unparsed.Contains(error.Field))
            {
                Errors.Add(error.Detail.TrimEnd('.'));
            }
        }
    }

    private double ParseNumber(string text, string field)
    {
        if (TryParseNumber(text, field, out double value))
        {
            return value;
        }

        unparsed.Add(field);
        return double.NaN;
    }

    private bool TryParseNumber(string text, string field, out double value)
    {
        if (text.Length == 0)
        {
            Errors.Add($"{field} is empty");
            value = double.NaN;
            return false;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            Errors.Add($"{field} is not a number");
            return false;
        }

        // Non-finite values (NaN, 1e400) parse; the value rules reject them with the contract's wording.
        return true;
    }

    private long ParseInteger(string text, string field)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        if (TryParseNumber(text, field, out double number))
        {
            // Exporters that went through floating point write whole counts as "120.0"; those are still whole.
            if (double.IsFinite(number) && number == Math.Floor(number) && Math.Abs(number) <= MaxExactInteger)
            {
                return (long)number;
            }

            Errors.Add(double.IsFinite(number) ? $"{field} must be a whole number" : $"{field} must be a finite whole number");
        }

        unparsed.Add(field);
        return 0;
    }
}
