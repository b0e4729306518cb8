namespace ArchiveForecast.Core.Schema;

/// <summary>The value rules of the contract's Instance and targets. Shape and type are checked by the parsers (JSON, CSV).</summary>
public static class InstanceRules
{
    /// <summary>The tolerance on the sum of the three file-type shares, as the contract allows.</summary>
    public const double ShareSumTolerance = 1e-6;

    /// <summary>Every broken value rule of an input, all at once, in contract field order.</summary>
    public static IReadOnlyList<FieldError> Validate(ForecastInput input)
    {
        List<FieldError>? errors = null;
        void Add(string field, string detail) => (errors ??= []).Add(new FieldError(field, detail));

        if (input.TotalFiles < 0)
        {
            Add(FieldNames.TotalFiles, "total_files must be 0 or more.");
        }

        CheckNonNegative(input.AvgFileSizeMb, FieldNames.AvgFileSizeMb, Add);

        bool sharesValid = true;
        sharesValid &= CheckShare(input.PctPdf, FieldNames.PctPdf, Add);
        sharesValid &= CheckShare(input.PctDocx, FieldNames.PctDocx, Add);
        sharesValid &= CheckShare(input.PctXlsx, FieldNames.PctXlsx, Add);
        if (sharesValid && input.PctPdf + input.PctDocx + input.PctXlsx > 1 + ShareSumTolerance)
        {
            Add(string.Empty, "pct_pdf + pct_docx + pct_xlsx must not exceed 1.");
        }

        CheckNonNegative(input.ArchiveFrequencyPerDay, FieldNames.ArchiveFrequencyPerDay, Add);
        return errors is null ? [] : errors;
    }

    /// <summary>Every broken rule of a pair of targets (finite, 0 or more).</summary>
    public static IReadOnlyList<FieldError> Validate(ForecastTargets targets)
    {
        List<FieldError>? errors = null;
        void Add(string field, string detail) => (errors ??= []).Add(new FieldError(field, detail));
        CheckNonNegative(targets.ArchivedGbNextPeriod, FieldNames.ArchivedGbNextPeriod, Add);
        CheckNonNegative(targets.SavingsGbNextPeriod, FieldNames.SavingsGbNextPeriod, Add);
        return errors is null ? [] : errors;
    }

    private static void CheckNonNegative(double value, string field, Action<string, string> add)
    {
        if (!double.IsFinite(value))
        {
            add(field, $"{field} must be a finite number.");
        }
        else if (value < 0)
        {
            add(field, $"{field} must be 0 or more.");
        }
    }

    private static bool CheckShare(double value, string field, Action<string, string> add)
    {
        if (!double.IsFinite(value))
        {
            add(field, $"{field} must be a finite number.");
            return false;
        }

        if (value is < 0 or > 1)
        {
            add(field, $"{field} must be a share between 0 and 1 (for 40 % write 0.4).");
            return false;
        }

        return true;
    }
}
