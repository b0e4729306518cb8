namespace ArchiveForecast.Core.Features;

/// <summary>The engineered feature vector the model sees, in a fixed order. Changing it is a new <see cref="Version"/>.</summary>
public static class FeatureSchema
{
    /// <summary>Written to the model card; a model trained on another version is refused at load.</summary>
    public const string Version = "features-v1";

    /// <summary>The feature names in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "month_sin",
        "month_cos",
        "total_files",
        "avg_file_size_mb",
        "pct_pdf",
        "pct_docx",
        "pct_xlsx",
        "pct_other",
        "archive_frequency_per_day",
        "total_size_gb",
        "pdf_gb",
        "docx_gb",
        "xlsx_gb",
        "other_gb",
    ];

    /// <summary>The length of the feature vector.</summary>
    public const int Count = 14;
}
