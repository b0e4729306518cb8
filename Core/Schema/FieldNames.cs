namespace ArchiveForecast.Core.Schema;

/// <summary>The snake_case names of the contract's fields, used on the wire, in CSV headers and in error locations.</summary>
public static class FieldNames
{
    /// <summary><c>month</c></summary>
    public const string Month = "month";
    /// <summary><c>total_files</c></summary>
    public const string TotalFiles = "total_files";
    /// <summary><c>avg_file_size_mb</c></summary>
    public const string AvgFileSizeMb = "avg_file_size_mb";
    /// <summary><c>pct_pdf</c></summary>
    public const string PctPdf = "pct_pdf";
    /// <summary><c>pct_docx</c></summary>
    public const string PctDocx = "pct_docx";
    /// <summary><c>pct_xlsx</c></summary>
    public const string PctXlsx = "pct_xlsx";
    /// <summary><c>archive_frequency_per_day</c></summary>
    public const string ArchiveFrequencyPerDay = "archive_frequency_per_day";
    /// <summary><c>archived_gb_next_period</c></summary>
    public const string ArchivedGbNextPeriod = "archived_gb_next_period";
    /// <summary><c>savings_gb_next_period</c></summary>
    public const string SavingsGbNextPeriod = "savings_gb_next_period";

    /// <summary>The input fields in contract order.</summary>
    public static IReadOnlyList<string> Inputs { get; } =
        [Month, TotalFiles, AvgFileSizeMb, PctPdf, PctDocx, PctXlsx, ArchiveFrequencyPerDay];

    /// <summary>The numeric input fields, in contract order (every input but <see cref="Month"/>).</summary>
    public static IReadOnlyList<string> NumericInputs { get; } =
        [TotalFiles, AvgFileSizeMb, PctPdf, PctDocx, PctXlsx, ArchiveFrequencyPerDay];

    /// <summary>The target fields in contract order.</summary>
    public static IReadOnlyList<string> Targets { get; } = [ArchivedGbNextPeriod, SavingsGbNextPeriod];
}
