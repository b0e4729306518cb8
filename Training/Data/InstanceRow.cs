using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>One accepted row of an input file to score, with its line number, <c>source_id</c> (when the file has one) and every field as written.</summary>
/// <param name="Line">The line the record starts on.</param>
/// <param name="Input">The parsed instance.</param>
/// <param name="SourceId">The <c>source_id</c> field, when the file has that column.</param>
/// <param name="Fields">Every field of the record, in the header's order, as written (so output can carry them through).</param>
public sealed record InstanceRow(int Line, ForecastInput Input, string? SourceId, IReadOnlyList<string>? Fields = null);
