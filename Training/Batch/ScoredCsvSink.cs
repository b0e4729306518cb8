using System.Text;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Batch;

/// <summary>
/// Writes scored rows as CSV in the <see cref="ScoredCsv"/> layout: every input column as written, then the forecasts,
/// the out-of-range flags and the ranges. UTF-8 without a BOM, <c>\n</c> line ends. The stream is left open.
/// </summary>
public sealed class ScoredCsvSink(Stream output, string? inputName = null) : IScoredRowSink, IAsyncDisposable
{
    private readonly StreamWriter writer = new(output, new UTF8Encoding(false), 256 * 1024, leaveOpen: true) { NewLine = "\n" };
    private readonly StringBuilder text = new(64 * 1024);

    /// <inheritdoc />
    /// <exception cref="Data.TrainingDataException">An input column named like an output column cannot be kept as <c>actual_…</c>.</exception>
    public async ValueTask BeginAsync(IReadOnlyList<string> header, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> inputs = header.Count > 0 ? ScoredCsv.InputHeader(header, inputName) : FieldNames.Inputs;
        await writer.WriteLineAsync(string.Join(',', inputs.Concat(ScoredCsv.OutputColumns).Select(ScoredCsv.Cell)).AsMemory(), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<ScoredRow> rows, CancellationToken cancellationToken)
    {
        text.Clear();
        foreach (var row in rows)
        {
            Append(text, row);
        }

        await writer.WriteAsync(text, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(CancellationToken cancellationToken) => await writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => writer.DisposeAsync();

    private static void Append(StringBuilder line, ScoredRow row)
    {
        if (row.Fields is { } fields)
        {
            foreach (string field in fields)
            {
                line.Append(ScoredCsv.Cell(field)).Append(',');
            }
        }
        else
        {
            CsvRows.AppendInput(line, row.Input).Append(',');
        }

        var p = row.Prediction;
        ScoredCsv.AppendNumber(line, p.ArchivedGbNextPeriod).Append(',');
        ScoredCsv.AppendNumber(line, p.SavingsGbNextPeriod).Append(',');
        if (p.OutOfRange.Count > 0)
        {
            line.Append(ScoredCsv.Cell(string.Join(';', p.OutOfRange)));
        }

        if (row.Ranges is { } range)
        {
            ScoredCsv.AppendNumber(line.Append(','), range.ArchivedGbNextPeriod.Lower);
            ScoredCsv.AppendNumber(line.Append(','), range.ArchivedGbNextPeriod.Upper);
            ScoredCsv.AppendNumber(line.Append(','), range.SavingsGbNextPeriod.Lower);
            ScoredCsv.AppendNumber(line.Append(','), range.SavingsGbNextPeriod.Upper);
        }
        else
        {
            line.Append(",,,,");
        }

        line.Append('\n');
    }
}
