using System.Globalization;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Telemetry;
using ArchiveForecast.Training.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Batch;

/// <summary>
/// Runs one batch scoring job: resolves the served version once, streams the dataset through <see cref="BatchScorer"/>
/// into a pending output, and commits it (then its summary) only when every row is done and the share of rejected rows
/// is within <see cref="PredictionsOptions.MaxRejectRatio"/>. The run record says where the job stands throughout
/// (<see cref="RunKinds.Batch"/>, rows scored so far, the version, the duration). Idempotent: a job whose record has
/// finished is not run again, and a job run again after a crash replaces nothing until it commits the whole output.
/// </summary>
public sealed class BatchJobRunner(
    ModelRegistry registry,
    ITrainingDataSource dataSource,
    IPredictionStore predictions,
    IOptions<PredictionsOptions> options,
    TimeProvider timeProvider,
    ILogger<BatchJobRunner> logger,
    ArchiveForecastTelemetry? telemetry = null)
{
    private const int RejectionsInRecord = 20;
    private const int RejectionsInReason = 5;

    /// <summary>How often the record's progress is saved while rows are scored.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Called after each batch is written, before the next (a seam for tests that interrupt a job part-way); null in production.
    /// </summary>
    internal Func<long, CancellationToken, ValueTask>? AfterBatch { get; set; }

    /// <summary>Runs the job and returns its final record (the existing one when it had already finished).</summary>
    /// <exception cref="OperationCanceledException">The job was cancelled; its record says <c>cancelled</c> and nothing was committed.</exception>
    /// <remarks>Storage faults are thrown (the record stays <c>running</c>) so that a queue delivers the job again.</remarks>
    public async Task<RunRecord> RunAsync(BatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var existing = await registry.GetRunAsync(request.ModelName, request.RunId, cancellationToken);
        if (existing is { Status: RunStatus.Succeeded or RunStatus.Failed })
        {
            TrainingLog.BatchAlreadyFinished(logger, request.ModelName, request.RunId, existing.Status.ToString());
            return existing;
        }

        var started = timeProvider.GetUtcNow();
        long startTicks = timeProvider.GetTimestamp();
        var record = new RunRecord
        {
            RunId = request.RunId,
            ModelName = request.ModelName,
            Kind = RunKinds.Batch,
            Status = RunStatus.Running,
            Trigger = existing?.Trigger ?? request.Trigger,
            Dataset = request.Dataset,
            CreatedAt = existing?.CreatedAt ?? started,
            StartedAt = started,
            RowsScored = 0,
        };

        using var activity = telemetry?.StartBatch(request.ModelName, request.RunId);
        long scored = 0;
        try
        {
            string name = request.Output ?? request.RunId;
            if (!OutputPath.IsValidName(name))
            {
                return await FailAsync(record, null, "the output name is not a plain relative path", startTicks, cancellationToken);
            }

            // The version is resolved once: a promotion during the job does not change what scores its rows.
            var pointer = await registry.GetPointerAsync(request.ModelName, cancellationToken);
            if (pointer is null)
            {
                return await FailAsync(record, null, $"the model '{request.ModelName}' has no served version", startTicks, cancellationToken);
            }

            int version = pointer.Value.Version;
            record = record with { Version = version };
            ForecastModel model;
            try
            {
                model = ForecastModel.Load(await registry.LoadVersionAsync(request.ModelName, version, cancellationToken), timeProvider);
            }
            catch (Exception ex) when (ex is ArtifactVerificationException or ModelSelfCheckException or InvalidDataException)
            {
                return await FailAsync(record, version, $"version {version} cannot be loaded: {ex.Message}", startTicks, cancellationToken);
            }

            using (model)
            {
                await registry.SaveRunAsync(record, cancellationToken);
                TrainingLog.BatchStarted(logger, request.ModelName, request.RunId, request.Dataset, version);
                Stream input;
                try
                {
                    input = await dataSource.OpenAsync(request.Dataset, cancellationToken);
                }
                catch (Exception ex) when (ex is FileNotFoundException or ArgumentException or TrainingDataException)
                {
                    return await FailAsync(record, version, ex.Message, startTicks, cancellationToken);
                }

                await using (input)
                {
                    string csvPath = OutputPath.Csv(request.ModelName, name);
                    double rangeLevel = options.Value.RangeLevel;
                    var scorer = new BatchScorer(model, rangeLevel);
                    long lastSaved = timeProvider.GetTimestamp();
                    BatchScoreResult result;
                    await using (var output = await predictions.BeginAsync(csvPath, cancellationToken))
                    {
                        await using (var sink = new ScoredCsvSink(output.Content))
                        {
                            try
                            {
                                result = await scorer.ScoreAsync(input, new CountingSink(sink, n => scored = n), async (_, token) =>
                                {
                                    if (AfterBatch is { } after)
                                    {
                                        await after(scored, token);
                                    }

                                    if (timeProvider.GetElapsedTime(lastSaved) >= ProgressInterval)
                                    {
                                        lastSaved = timeProvider.GetTimestamp();
                                        await SaveProgressAsync(record with { RowsScored = scored }, token);
                                    }
                                }, cancellationToken);
                            }
                            catch (TrainingDataException ex)
                            {
                                return await FailAsync(record with { RowsScored = scored }, version, ex.Message, startTicks, cancellationToken);
                            }
                            catch (NonFinitePredictionException ex)
                            {
                                return await FailAsync(record with { RowsScored = scored }, version, ex.Message, startTicks, cancellationToken);
                            }
                        }

                        record = record with
                        {
                            RowsRead = Saturate(result.RowsRead),
                            RowsRejected = Saturate(result.RowsRejected),
                            Rejections = result.Rejections.Count == 0 ? null : [.. result.Rejections.Take(RejectionsInRecord).Select(r => r.ToString())],
                            RowsScored = result.RowsScored,
                        };
                        double limit = options.Value.MaxRejectRatio;
                        if (result.RejectRatio > limit)
                        {
                            string first = string.Join("; ", result.Rejections.Take(RejectionsInReason));
                            string reason = string.Create(
                                CultureInfo.InvariantCulture,
                                $"{result.RowsRejected} of {result.RowsRead} rows were rejected ({result.RejectRatio:P1}), more than the {limit:P1} allowed ({PredictionsOptions.SectionName}:{nameof(PredictionsOptions.MaxRejectRatio)}); nothing was written; first: {first}");
                            return await FailAsync(record, version, reason, startTicks, cancellationToken);
                        }

                        await output.CommitAsync(cancellationToken);
                    }

                    var finished = timeProvider.GetUtcNow();
                    var elapsed = timeProvider.GetElapsedTime(startTicks);
                    var summary = new BatchSummary
                    {
                        RunId = request.RunId,
                        ModelName = request.ModelName,
                        ModelVersion = version,
                        Dataset = request.Dataset,
                        Output = csvPath,
                        RowsRead = result.RowsRead,
                        RowsScored = result.RowsScored,
                        RowsRejected = result.RowsRejected,
                        RejectedLines = result.RejectedLines,
                        Rejections = result.Rejections,
                        RowsOutOfRange = result.RowsOutOfRange,
                        RangeLevel = model.Card?.Intervals is null ? null : rangeLevel,
                        StartedAt = started,
                        FinishedAt = finished,
                        DurationSeconds = elapsed.TotalSeconds,
                        RowsPerSecond = elapsed > TimeSpan.Zero ? result.RowsScored / elapsed.TotalSeconds : 0,
                    };
                    await predictions.WriteAsync(
                        OutputPath.Summary(request.ModelName, name),
                        JsonSerializer.SerializeToUtf8Bytes(summary, ArtifactJson.Options),
                        cancellationToken);
                    record = record with
                    {
                        Status = RunStatus.Succeeded,
                        Output = csvPath,
                        FinishedAt = finished,
                        DurationSeconds = elapsed.TotalSeconds,
                    };
                    await registry.SaveRunAsync(record, cancellationToken);
                    telemetry?.RecordBatch(request.ModelName, version, "succeeded", result.RowsScored, result.RowsRejected, elapsed);
                    TrainingLog.BatchSucceeded(logger, request.ModelName, request.RunId, result.RowsScored, result.RowsRejected, version, elapsed.TotalSeconds, csvPath);
                    return record;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var elapsed = timeProvider.GetElapsedTime(startTicks);
            await registry.SaveRunAsync(
                record with { Status = RunStatus.Cancelled, RowsScored = scored, FinishedAt = timeProvider.GetUtcNow(), DurationSeconds = elapsed.TotalSeconds },
                CancellationToken.None);
            telemetry?.RecordBatch(request.ModelName, record.Version, "cancelled", scored, 0, elapsed);
            TrainingLog.BatchCancelled(logger, request.ModelName, request.RunId, scored);
            throw;
        }
        catch (Exception ex)
        {
            if (telemetry is not null)
            {
                telemetry.MarkFailed(activity, ex);
                telemetry.RecordBatch(request.ModelName, record.Version, "error", scored, 0, timeProvider.GetElapsedTime(startTicks));
            }

            TrainingLog.BatchCrashed(logger, request.ModelName, request.RunId, ex);
            throw;
        }
    }

    private async Task<RunRecord> FailAsync(RunRecord record, int? version, string reason, long startTicks, CancellationToken cancellationToken)
    {
        var elapsed = timeProvider.GetElapsedTime(startTicks);
        var failed = record with
        {
            Status = RunStatus.Failed,
            Reason = reason,
            Version = version ?? record.Version,
            FinishedAt = timeProvider.GetUtcNow(),
            DurationSeconds = elapsed.TotalSeconds,
        };
        await registry.SaveRunAsync(failed, cancellationToken);
        telemetry?.RecordBatch(record.ModelName, failed.Version, failed.RowsRejected > 0 ? "rejected" : "failed", failed.RowsScored ?? 0, failed.RowsRejected ?? 0, elapsed);
        TrainingLog.BatchFailed(logger, record.ModelName, record.RunId, reason);
        return failed;
    }

    private async Task SaveProgressAsync(RunRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await registry.SaveRunAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Progress is informative: a failed write of it must not fail the job.
            TrainingLog.BatchProgressNotRecorded(logger, record.ModelName, record.RunId, ex);
        }
    }

    private static int Saturate(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    /// <summary>Counts the rows handed to a sink, so progress and cancellation can say how far a job got.</summary>
    private sealed class CountingSink(IScoredRowSink inner, Action<long> counted) : IScoredRowSink
    {
        private long rows;

        public ValueTask BeginAsync(IReadOnlyList<string> header, CancellationToken cancellationToken) => inner.BeginAsync(header, cancellationToken);

        public async ValueTask WriteAsync(IReadOnlyList<ScoredRow> batch, CancellationToken cancellationToken)
        {
            await inner.WriteAsync(batch, cancellationToken);
            rows += batch.Count;
            counted(rows);
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => inner.CompleteAsync(cancellationToken);
    }
}
