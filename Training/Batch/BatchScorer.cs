using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Training.Batch;

/// <summary>
/// Scores a CSV of inputs as a stream: records are read and validated as they arrive, the valid ones are scored in
/// batches by <see cref="ForecastModel.PredictBatch"/> (the engine the API's batches use) and handed to a sink in input
/// order, so memory holds a couple of batches whatever the size of the file. Rejected rows are counted and listed by
/// line; the caller decides whether their share fails the job. One model version scores every row.
/// </summary>
/// <param name="modelSource">
/// Gives the version that scores the whole input, asked once, when the first batch is ready (so that a file whose first
/// rows are unreadable fails before any model is loaded).
/// </param>
/// <param name="rangeLevel">The level of the forecast ranges, for a version that has them.</param>
/// <param name="batchRows">Rows per scoring batch.</param>
public sealed class BatchScorer(Func<CancellationToken, Task<ForecastModel>> modelSource, double rangeLevel, int batchRows = BatchScorer.DefaultBatchRows)
{
    private ForecastModel? model;

    /// <summary>Creates a scorer of a version already loaded.</summary>
    public BatchScorer(ForecastModel model, double rangeLevel, int batchRows = DefaultBatchRows)
        : this(_ => Task.FromResult(model), rangeLevel, batchRows)
    {
    }

    /// <summary>Rows per scoring batch by default: enough to split over the cores, few enough to stay small.</summary>
    public const int DefaultBatchRows = 4096;

    /// <summary>The most rejected line numbers kept (the count is always exact).</summary>
    public const int MaxRejectedLinesKept = 100_000;

    /// <summary>
    /// When true, the first rejected row stops the scoring (what is left is only validated, so every problem is still
    /// counted): for callers that fail on any rejected row and would discard the output anyway.
    /// </summary>
    public bool StopScoringAfterReject { get; init; }

    /// <summary>The version that scored, once asked for (null while no batch was scored).</summary>
    public ForecastModel? Model => model;

    /// <summary>Reads <paramref name="csv"/> (left open) to its end and writes every valid row, scored, to <paramref name="sink"/>.</summary>
    /// <param name="csv">A CSV with the seven Instance columns (any order, other columns carried through).</param>
    /// <param name="sink">Receives the header, the scored rows in order, then completion.</param>
    /// <param name="progress">Called after each batch is written, with the rows read so far; may be null.</param>
    /// <param name="cancellationToken">Stops the scoring between batches.</param>
    /// <exception cref="TrainingDataException">The file has no usable header or is not UTF-8.</exception>
    /// <exception cref="NonFinitePredictionException">The model gave NaN or an infinity for a row.</exception>
    public async Task<BatchScoreResult> ScoreAsync(
        Stream csv,
        IScoredRowSink sink,
        Func<long, CancellationToken, ValueTask>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(sink);
        CsvColumnMap? map = null;
        var parser = new CsvRowParser();
        var pending = new List<(int Line, string[] Fields, ForecastInput Input)>(batchRows);
        var rejectedLines = new List<int>();
        var rejections = new List<CsvRejection>();
        long read = 0, rejected = 0, scored = 0, outOfRange = 0;
        Task previous = Task.CompletedTask;

        // Parsing the next batch overlaps scoring and writing the last one (scoring spreads over the cores); one batch is
        // in flight at a time, so the writes stay in order and memory holds two batches.
        async Task ScoreAndWriteAsync(List<(int Line, string[] Fields, ForecastInput Input)> batch, long readSoFar)
        {
            var inputs = new ForecastInput[batch.Count];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = batch[i].Input;
            }

            var scoring = model ??= await modelSource(cancellationToken);
            var calibration = scoring.Card?.Intervals;
            var predictions = await Task.Run(() => scoring.PredictBatch(inputs), cancellationToken);
            var rows = new ScoredRow[batch.Count];
            long flagged = 0;
            for (int i = 0; i < rows.Length; i++)
            {
                var prediction = predictions[i];
                flagged += prediction.OutOfRange.Count > 0 ? 1 : 0;
                rows[i] = new ScoredRow(batch[i].Line, batch[i].Fields, inputs[i], prediction, calibration?.Apply(prediction, rangeLevel));
            }

            await sink.WriteAsync(rows, cancellationToken);
            scored += rows.Length;
            outOfRange += flagged;
            if (progress is not null)
            {
                await progress(readSoFar, cancellationToken);
            }
        }

        try
        {
            await foreach (var record in CsvRecordStream.ReadAsync(csv, cancellationToken))
            {
                if (map is null)
                {
                    map = CsvColumnMap.Create(record, FieldNames.Inputs, "An input file");
                    await sink.BeginAsync([.. record.Fields.Select(f => f.Trim())], cancellationToken);
                    continue;
                }

                read++;
                if (parser.Begin(record, map))
                {
                    var input = parser.ParseInput(record, map);
                    if (parser.Errors.Count == 0)
                    {
                        if (StopScoringAfterReject && rejected > 0)
                        {
                            continue;
                        }

                        pending.Add((record.Line, record.Fields, input));
                        if (pending.Count == batchRows)
                        {
                            await previous;
                            previous = ScoreAndWriteAsync(pending, read);
                            pending = new List<(int, string[], ForecastInput)>(batchRows);
                        }

                        continue;
                    }
                }

                rejected++;
                if (StopScoringAfterReject)
                {
                    pending.Clear();
                }

                if (rejectedLines.Count < MaxRejectedLinesKept)
                {
                    rejectedLines.Add(record.Line);
                }

                if (rejections.Count < CsvTrainingDataReader.MaxRejectionsKept)
                {
                    rejections.Add(new CsvRejection(record.Line, parser.Reason));
                }
            }

            if (map is null)
            {
                CsvColumnMap.Create(null, FieldNames.Inputs, "An input file");
            }

            if (pending.Count > 0)
            {
                await previous;
                previous = ScoreAndWriteAsync(pending, read);
            }

            await previous;
        }
        catch
        {
            // A failed read must not leave a batch running against a sink the caller is about to discard.
            await Task.WhenAny(previous);
            throw;
        }

        await sink.CompleteAsync(cancellationToken);
        return new BatchScoreResult(read, scored, outOfRange, rejectedLines, rejections, rejected);
    }
}
