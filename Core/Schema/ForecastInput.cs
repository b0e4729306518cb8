namespace ArchiveForecast.Core.Schema;

/// <summary>One archive source's figures for one month: the input of a forecast (one row of the contract's Instance).</summary>
/// <param name="Month">The first day of the month the figures describe.</param>
/// <param name="TotalFiles">Files held by the source; never negative.</param>
/// <param name="AvgFileSizeMb">Mean file size in MB; finite and never negative.</param>
/// <param name="PctPdf">Share of PDF files in [0, 1].</param>
/// <param name="PctDocx">Share of DOCX files in [0, 1].</param>
/// <param name="PctXlsx">Share of XLSX files in [0, 1].</param>
/// <param name="ArchiveFrequencyPerDay">Archive runs per day; finite and never negative.</param>
public sealed record ForecastInput(
    DateOnly Month,
    long TotalFiles,
    double AvgFileSizeMb,
    double PctPdf,
    double PctDocx,
    double PctXlsx,
    double ArchiveFrequencyPerDay);
