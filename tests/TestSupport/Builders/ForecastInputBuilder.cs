using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.TestSupport;

/// <summary>A valid input unless told otherwise.</summary>
public sealed class ForecastInputBuilder
{
    private DateOnly _month = new(2024, 3, 1);
    private long _totalFiles = 20_000;
    private double _avgFileSizeMb = 1.5;
    private double _pctPdf = 0.4;
    private double _pctDocx = 0.3;
    private double _pctXlsx = 0.2;
    private double _archiveFrequencyPerDay = 4;

    public ForecastInputBuilder WithMonth(int year, int month)
    {
        _month = new DateOnly(year, month, 1);
        return this;
    }

    public ForecastInputBuilder WithTotalFiles(long value)
    {
        _totalFiles = value;
        return this;
    }

    public ForecastInputBuilder WithAvgFileSizeMb(double value)
    {
        _avgFileSizeMb = value;
        return this;
    }

    public ForecastInputBuilder WithShares(double pdf, double docx, double xlsx)
    {
        (_pctPdf, _pctDocx, _pctXlsx) = (pdf, docx, xlsx);
        return this;
    }

    public ForecastInputBuilder WithArchiveFrequencyPerDay(double value)
    {
        _archiveFrequencyPerDay = value;
        return this;
    }

    public ForecastInput Build() =>
        new(_month, _totalFiles, _avgFileSizeMb, _pctPdf, _pctDocx, _pctXlsx, _archiveFrequencyPerDay);
}
