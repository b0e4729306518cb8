namespace ArchiveForecast.Core.Schema;

/// <summary>Reads the numeric input fields of an input by position, in the order of <see cref="FieldNames.NumericInputs"/>.</summary>
internal static class NumericInputs
{
    public static int Count => FieldNames.NumericInputs.Count;

    public static double Get(ForecastInput input, int index) => index switch
    {
        0 => input.TotalFiles,
        1 => input.AvgFileSizeMb,
        2 => input.PctPdf,
        3 => input.PctDocx,
        4 => input.PctXlsx,
        5 => input.ArchiveFrequencyPerDay,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "No such numeric input."),
    };
}
