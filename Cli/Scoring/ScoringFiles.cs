using System.Text.Json;
using ArchiveForecast.Cli.Output;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Training.Batch;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Cli.Scoring;

/// <summary>
/// The files of <c>predict</c>: inputs from CSV (streamed through <see cref="BatchScorer"/>) or <c>{"instances":[...]}</c>
/// JSON, predictions to CSV (<see cref="ScoredCsvSink"/>) or the API's response JSON. Output is written beside the target
/// and moved over it when complete, so a failure leaves no half file.
/// </summary>
internal static class ScoringFiles
{
    public static bool IsJson(string path) => string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Streams a CSV through the scorer into <paramref name="target"/>; the first bad row stops the scoring, and nothing is written.</summary>
    /// <exception cref="TrainingDataException">A CSV without a usable header, or one whose columns cannot all be kept.</exception>
    /// <exception cref="OutputException">The target cannot be written.</exception>
    public static async Task<ScoringOutcome> ScoreCsvAsync(
        string file, string target, string modelName, Func<CancellationToken, Task<ForecastModel>> model, double level, CancellationToken cancellationToken)
    {
        await using var stream = OpenInput(file);
        var scorer = new BatchScorer(model, level) { StopScoringAfterReject = true };
        if (IsJson(target))
        {
            var collected = new CollectingSink();
            var read = await scorer.ScoreAsync(stream, collected, null, cancellationToken);
            if (read.RowsRejected > 0)
            {
                return Problems(read);
            }

            var used = scorer.Model ?? await model(cancellationToken);
            await WriteJsonAsync(target, modelName, used.Version, collected.Rows, cancellationToken);
            return new ScoringOutcome(read.RowsScored, read.RowsOutOfRange, [], 0);
        }

        BatchScoreResult result;
        bool complete = false;
        await using (var output = await BeginAsync(target))
        {
            await using (var sink = new ScoredCsvSink(output.Content))
            {
                result = await scorer.ScoreAsync(stream, sink, null, cancellationToken);
            }

            if (result.RowsRejected == 0)
            {
                _ = scorer.Model ?? await model(cancellationToken);
                await output.CommitAsync(cancellationToken);
                complete = true;
            }
        }

        return complete ? new ScoringOutcome(result.RowsScored, result.RowsOutOfRange, [], 0) : Problems(result);
    }

    /// <summary>Reads <c>{"instances":[...]}</c> strictly, scores it in one batch and writes <paramref name="target"/>.</summary>
    /// <exception cref="OutputException">The target cannot be written.</exception>
    public static async Task<ScoringOutcome> ScoreJsonAsync(
        string file, string target, string modelName, Func<CancellationToken, Task<ForecastModel>> model, double level, CancellationToken cancellationToken)
    {
        ScoringInput input;
        await using (var stream = OpenInput(file))
        {
            input = await InstanceJsonReader.ReadAsync(stream, cancellationToken);
        }

        if (input.ProblemCount > 0)
        {
            return new ScoringOutcome(0, 0, input.Problems, input.ProblemCount);
        }

        var scoring = await model(cancellationToken);
        var predictions = scoring.PredictBatch(input.Inputs);
        var calibration = scoring.Card?.Intervals;
        ScoredRow[] rows = [.. predictions.Select((p, i) => new ScoredRow(0, null, input.Inputs[i], p, calibration?.Apply(p, level)))];
        if (IsJson(target))
        {
            await WriteJsonAsync(target, modelName, scoring.Version, rows, cancellationToken);
        }
        else
        {
            await using var output = await BeginAsync(target);
            await using (var sink = new ScoredCsvSink(output.Content))
            {
                await sink.BeginAsync([], cancellationToken);
                await sink.WriteAsync(rows, cancellationToken);
                await sink.CompleteAsync(cancellationToken);
            }

            await output.CommitAsync(cancellationToken);
        }

        return new ScoringOutcome(rows.Length, rows.Count(r => r.Prediction.OutOfRange.Count > 0), [], 0);
    }

    private static FileStream OpenInput(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static ScoringOutcome Problems(BatchScoreResult result) =>
        new(0, 0, [.. result.Rejections.Select(r => new InputProblem(r.Line, null, r.Reason))], result.RowsRejected);

    private static async Task WriteJsonAsync(string target, string modelName, int version, IReadOnlyList<ScoredRow> rows, CancellationToken cancellationToken)
    {
        await using var output = await BeginAsync(target);
        var response = new
        {
            Model = new { Name = modelName, Version = version },
            Predictions = rows.Select(r => new { r.Prediction.ArchivedGbNextPeriod, r.Prediction.SavingsGbNextPeriod, r.Prediction.OutOfRange, Intervals = r.Ranges }),
        };
        await JsonSerializer.SerializeAsync(output.Content, response, CliJson.Options, cancellationToken);
        await output.CommitAsync(cancellationToken);
    }

    private static Task<PendingFile> BeginAsync(string target)
    {
        string temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            return Task.FromResult(new PendingFile(
                new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous), temporary, target));
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException or IOException)
        {
            throw new OutputException(ex);
        }
    }

    /// <summary>The output could not be written; <see cref="Exception.InnerException"/> says how.</summary>
    internal sealed class OutputException(Exception inner) : Exception("The output cannot be written.", inner);

    /// <summary>A file written beside its target and moved over it on commit; deleted when disposed uncommitted.</summary>
    private sealed class PendingFile(FileStream stream, string temporary, string target) : IAsyncDisposable
    {
        public Stream Content => stream;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            try
            {
                await stream.FlushAsync(cancellationToken);
                await stream.DisposeAsync();
                File.Move(temporary, target, overwrite: true);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException or IOException)
            {
                throw new OutputException(ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            File.Delete(temporary);
        }
    }

    /// <summary>Keeps scored rows in memory, for the JSON answer (which holds every prediction anyway).</summary>
    private sealed class CollectingSink : IScoredRowSink
    {
        public List<ScoredRow> Rows { get; } = [];

        public ValueTask BeginAsync(IReadOnlyList<string> header, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask WriteAsync(IReadOnlyList<ScoredRow> rows, CancellationToken cancellationToken)
        {
            Rows.AddRange(rows);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
