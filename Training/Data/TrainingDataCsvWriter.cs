using System.Text;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>Writes training rows in the contract's CSV form (what <see cref="CsvTrainingDataReader"/> reads back unchanged).</summary>
public static class TrainingDataCsvWriter
{
    /// <summary>The header written: <c>source_id</c>, the Instance fields, the targets.</summary>
    public static string Header { get; } = string.Join(',', [CsvTrainingDataReader.SourceIdColumn, .. CsvTrainingDataReader.RequiredColumns]);

    /// <summary>Writes <paramref name="rows"/> to <paramref name="stream"/> (UTF-8 without BOM, LF line ends; left open).</summary>
    /// <returns>The number of rows written.</returns>
    public static async Task<int> WriteAsync(IEnumerable<TrainingExample> rows, Stream stream, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync(Header.AsMemory(), cancellationToken);
        var line = new StringBuilder(160);
        int count = 0;
        foreach (var row in rows)
        {
            line.Clear();
            AppendRow(line, row);
            await writer.WriteLineAsync(line, cancellationToken);
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>Appends one row (no line end).</summary>
    public static void AppendRow(StringBuilder line, TrainingExample row)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(row);
        line.Append(CsvRows.Field(row.SourceId ?? string.Empty)).Append(',');
        CsvRows.AppendExample(line, row);
    }
}
