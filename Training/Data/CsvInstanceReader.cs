using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>
/// Reads a CSV of inputs to score: the seven Instance columns (any order; targets and other columns are not parsed,
/// but every field is kept with its row so output can carry it through), with the same quoting, number, month and value rules as <see cref="CsvTrainingDataReader"/>.
/// </summary>
public static class CsvInstanceReader
{
    /// <summary>Reads every row of <paramref name="stream"/> (left open).</summary>
    /// <exception cref="TrainingDataException">The file has no usable header or is not UTF-8.</exception>
    public static async Task<InstanceReadResult> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        CsvColumnMap? map = null;
        string[] header = [];
        var parser = new CsvRowParser();
        var rows = new List<InstanceRow>();
        var rejections = new List<CsvRejection>();
        int rowsRead = 0;
        int rowsRejected = 0;
        await foreach (var record in CsvRecordStream.ReadAsync(stream, cancellationToken))
        {
            if (map is null)
            {
                map = CsvColumnMap.Create(record, FieldNames.Inputs, "An input file");
                header = [.. record.Fields.Select(f => f.Trim())];
                continue;
            }

            rowsRead++;
            if (parser.Begin(record, map))
            {
                var input = parser.ParseInput(record, map);
                if (parser.Errors.Count == 0)
                {
                    rows.Add(new InstanceRow(record.Line, input, map.SourceIdOf(record), record.Fields));
                    continue;
                }
            }

            rowsRejected++;
            if (rejections.Count < CsvTrainingDataReader.MaxRejectionsKept)
            {
                rejections.Add(new CsvRejection(record.Line, parser.Reason));
            }
        }

        map ??= CsvColumnMap.Create(null, FieldNames.Inputs, "An input file");
        return new InstanceReadResult(rows, rejections, rowsRead, rowsRejected, map.SourceId >= 0, header);
    }
}
