namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>Predict request bodies in the contract's wire form.</summary>
internal static class PredictBodies
{
    public static JsonObject Instance(string month = "2026-03-01", double pctPdf = 0.4) => new()
    {
        ["month"] = month,
        ["total_files"] = 120_000,
        ["avg_file_size_mb"] = 2.5,
        ["pct_pdf"] = pctPdf,
        ["pct_docx"] = 0.3,
        ["pct_xlsx"] = 0.1,
        ["archive_frequency_per_day"] = 4.0,
    };

    public static string Of(params JsonObject[] instances) =>
        new JsonObject { ["instances"] = new JsonArray([.. instances]) }.ToJsonString();
}
