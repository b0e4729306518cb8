using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>One accepted row of an input file to score, with its line number and <c>source_id</c> (when the file has one).</summary>
public sealed record InstanceRow(int Line, ForecastInput Input, string? SourceId);
