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
            read.Header ?? [],
            [.. read.Rows.Select(r => r.Fields ?? [])],
            [.. read.Rejections.Select(r => new InputProblem(r.Line, null, r.Reason))],
            read.RowsRejected);
    }

    /// <summary>Writes the predictions (beside the target, then moved over it, so a failure leaves no half file).</summary>
    /// <param name="path">The output file: <c>.json</c> for the API's response shape, anything else CSV.</param>
    /// <param name="modelName">The model that scored.</param>
    /// <param name="version">Its version.</param>
    /// <param name="input">What was read.</param>
    /// <param name="predictions">One per input, in order.</param>
    /// <param name="ranges">Each prediction's ranges at the chosen level, or null per row when the version has none.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    public static async Task WriteAsync(
        string path,
        string modelName,
        int version,
        ScoringInput input,
        IReadOnlyList<ForecastPrediction> predictions,
        IReadOnlyList<PredictionIntervals?> ranges,
        CancellationToken cancellationToken)
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
                        Predictions = predictions.Select((p, i) => new { p.ArchivedGbNextPeriod, p.SavingsGbNextPeriod, p.OutOfRange, Intervals = ranges[i] }),
                    };
                    await JsonSerializer.SerializeAsync(stream, response, CliJson.Options, cancellationToken);
                }
                else
                {
                    await WriteCsvAsync(stream, input, predictions, ranges, cancellationToken);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task WriteCsvAsync(
        Stream stream, ScoringInput input, IReadOnlyList<ForecastPrediction> predictions, IReadOnlyList<PredictionIntervals?> ranges, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        IReadOnlyList<string> inputHeader = input.Header is { } header ? ScoredHeader.InputHeader(header, "--input") : FieldNames.Inputs;
        await writer.WriteLineAsync(string.Join(',', inputHeader.Concat(ScoredCsv.OutputColumns).Select(ScoredCsv.Cell)).AsMemory(), cancellationToken);
        var line = new StringBuilder(200);
        for (int i = 0; i < predictions.Count; i++)
        {
            line.Clear();
            if (input.Fields is { } fields)
            {
                foreach (string field in fields[i])
                {
                    line.Append(ScoredCsv.Cell(field)).Append(',');
                }
            }
            else
            {
                CsvRows.AppendInput(line, input.Inputs[i]).Append(',');
            }

            ScoredCsv.AppendOutputs(line, predictions[i], ranges[i]);
            await writer.WriteLineAsync(line, cancellationToken);
        }
    }
}
