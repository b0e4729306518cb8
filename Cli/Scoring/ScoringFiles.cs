using System.Globalization;
using System.Text;
using System.Text.Json;
using ArchiveForecast.Cli.Output;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Cli.Scoring;

/// <summary>The files of <c>predict</c>: inputs from CSV or <c>{"instances":[...]}</c> JSON, predictions to CSV or the API's response JSON.</summary>
internal static class ScoringFiles
{
    public static bool IsJson(string path) => string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="TrainingDataException">A CSV without a usable header.</exception>
    public static async Task<ScoringInput> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (IsJson(path))
        {
            return await InstanceJsonReader.ReadAsync(stream, cancellationToken);
        }

        var read = await CsvInstanceReader.ReadAsync(stream, cancellationToken);
        return new ScoringInput(
            [.. read.Rows.Select(r => r.Input)],
            read.HasSourceId ? [.. read.Rows.Select(r => r.SourceId)] : null,
            [.. read.Rejections.Select(r => new InputProblem(r.Line, null, r.Reason))],
            read.RowsRejected);
    }

    /// <summary>Writes the predictions (beside the target, then moved over it, so a failure leaves no half file).</summary>
    public static async Task WriteAsync(string path, string modelName, int version, ScoringInput input, IReadOnlyList<ForecastPrediction> predictions, CancellationToken cancellationToken)
    {
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                if (IsJson(path))
                {
                    var response = new
                    {
                        Model = new { Name = modelName, Version = version },
                        Predictions = predictions.Select(p => new { p.ArchivedGbNextPeriod, p.SavingsGbNextPeriod, p.OutOfRange }),
                    };
                    await JsonSerializer.SerializeAsync(stream, response, CliJson.Options, cancellationToken);
                }
                else
                {
                    await WriteCsvAsync(stream, input, predictions, cancellationToken);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task WriteCsvAsync(Stream stream, ScoringInput input, IReadOnlyList<ForecastPrediction> predictions, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        bool sources = input.SourceIds is not null;
        string[] header = [.. sources ? [CsvTrainingDataReader.SourceIdColumn] : Array.Empty<string>(), .. FieldNames.Inputs, .. FieldNames.Targets, "out_of_range"];
        await writer.WriteLineAsync(string.Join(',', header).AsMemory(), cancellationToken);
        var culture = CultureInfo.InvariantCulture;
        var line = new StringBuilder(200);
        for (int i = 0; i < predictions.Count; i++)
        {
            var x = input.Inputs[i];
            var p = predictions[i];
            line.Clear();
            if (sources)
            {
                line.Append(Quote(input.SourceIds![i] ?? string.Empty)).Append(',');
            }

            line.Append(MonthFormat.Format(x.Month)).Append(',')
                .Append(x.TotalFiles.ToString(culture)).Append(',')
                .Append(x.AvgFileSizeMb.ToString("R", culture)).Append(',')
                .Append(x.PctPdf.ToString("R", culture)).Append(',')
                .Append(x.PctDocx.ToString("R", culture)).Append(',')
                .Append(x.PctXlsx.ToString("R", culture)).Append(',')
                .Append(x.ArchiveFrequencyPerDay.ToString("R", culture)).Append(',')
                .Append(p.ArchivedGbNextPeriod.ToString("R", culture)).Append(',')
                .Append(p.SavingsGbNextPeriod.ToString("R", culture)).Append(',')
                .Append(string.Join(';', p.OutOfRange));
            await writer.WriteLineAsync(line, cancellationToken);
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
