using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.TestSupport;

/// <summary>A valid input unless told otherwise.</summary>
public sealed class ForecastInputBuilder
{
    private DateOnly month = new(2024, 3, 1);
    private long totalFiles = 20_000;
    private double avgFileSizeMb = 1.5;
    private double pctPdf = 0.4;
    private double pctDocx = 0.3;
    private double pctXlsx = 0.2;
    private double archiveFrequencyPerDay = 4;

    public ForecastInputBuilder WithMonth(int year, int month)
    {
        this.month = new DateOnly(year, month, 1);
        return this;
    }

    public ForecastInputBuilder WithTotalFiles(long value)
    {
        totalFiles = value;
        return this;
    }

    public ForecastInputBuilder WithAvgFileSizeMb(double value)
    {
        avgFileSizeMb = value;
        return this;
    }

    public ForecastInputBuilder WithShares(double pdf, double docx, double xlsx)
    {
        (pctPdf, pctDocx, pctXlsx) = (pdf, docx, xlsx);
        return this;
    }

    public ForecastInputBuilder WithArchiveFrequencyPerDay(double value)
    {
        archiveFrequencyPerDay = value;
        return this;
    }

    public ForecastInput Build() =>
        new(this.month, totalFiles, avgFileSizeMb, pctPdf, pctDocx, pctXlsx, archiveFrequencyPerDay);
}
