using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>
/// Reads the contract's training CSV: a header row naming the columns (any order; the seven Instance fields and the two
/// targets are required, <c>source_id</c> is kept, anything else is ignored), comma-separated, RFC 4180 quoting,
/// invariant culture, UTF-8 with or without a BOM. Each bad row is rejected with its line number and every reason; a
/// file without a usable header is refused whole with a <see cref="TrainingDataException"/>. The file is streamed.
/// </summary>
public static class CsvTrainingDataReader
{
    /// <summary>The optional column naming the archive source of a row.</summary>
    public const string SourceIdColumn = CsvColumnMap.SourceIdColumn;

    /// <summary>How many rejections are kept with their reasons; the rest are only counted.</summary>
    public const int MaxRejectionsKept = 1000;

    private const int ProgressEveryRows = 10_000;

    /// <summary>The required columns in contract order: the Instance fields, then the targets.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = [.. FieldNames.Inputs, .. FieldNames.Targets];

    /// <summary>Reads every row of <paramref name="stream"/> (left open), with each row's source in <see cref="SourceIdColumn"/>.</summary>
    /// <exception cref="TrainingDataException">The file has no usable header or is not UTF-8.</exception>
    public static Task<TrainingDataReadResult> ReadAsync(Stream stream, IProgress<int>? progress, CancellationToken cancellationToken) =>
        ReadAsync(stream, progress, SourceIdColumn, cancellationToken);

    /// <summary>Reads every row of <paramref name="stream"/> (left open).</summary>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="progress">Receives the number of rows read so far, now and then.</param>
    /// <param name="sourceColumn">The column naming each row's source (kept as <see cref="TrainingExample.SourceId"/>).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="TrainingDataException">The file has no usable header or is not UTF-8.</exception>
    public static async Task<TrainingDataReadResult> ReadAsync(Stream stream, IProgress<int>? progress, string sourceColumn, CancellationToken cancellationToken)
    {
        CsvColumnMap? map = null;
        var parser = new CsvRowParser();
        var accepted = new List<TrainingExample>();
        var rejections = new List<CsvRejection>();
        int rowsRead = 0;
        int rowsRejected = 0;
        await foreach (var record in CsvRecordStream.ReadAsync(stream, cancellationToken))
        {
            if (map is null)
            {
                map = CsvColumnMap.Create(record, RequiredColumns, "A training file", sourceColumn);
                continue;
            }

            rowsRead++;
            if (rowsRead % ProgressEveryRows == 0)
            {
                progress?.Report(rowsRead);
            }

            if (parser.Begin(record, map))
            {
                var input = parser.ParseInput(record, map);
                var targets = parser.ParseTargets(record, map);
                if (parser.Errors.Count == 0)
                {
                    accepted.Add(new TrainingExample(input, targets, map.SourceIdOf(record)));
                    continue;
                }
            }

            rowsRejected++;
            if (rejections.Count < MaxRejectionsKept)
            {
                rejections.Add(new CsvRejection(record.Line, parser.Reason));
            }
        }

        map ??= CsvColumnMap.Create(null, RequiredColumns, "A training file", sourceColumn);
        progress?.Report(rowsRead);
        return new TrainingDataReadResult(accepted, rejections, rowsRead, rowsRejected);
    }
}
