using System.Diagnostics;
using System.Globalization;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Core.Telemetry;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Gate;
using ArchiveForecast.Training.Modeling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Pipeline;

/// <summary>
/// The one training pipeline, used by the CLI, the timer, the queue and <c>serve</c>: lock → read and validate → split →
/// fit → evaluate the candidate and the serving version on the same holdout → gate → publish → promote per policy → run
/// record. A run that fails publishes nothing that is served; its run record says why.
/// </summary>
public sealed class TrainingRunner(
    ModelRegistry registry,
    IOptions<TrainingOptions> options,
    TimeProvider timeProvider,
    ILogger<TrainingRunner> logger,
    ArchiveForecastTelemetry? telemetry = null,
    ModelCatalog? servedModels = null)
{
    private static readonly TimeSpan MaxLockRetryDelay = TimeSpan.FromMinutes(1);
    private const int RejectionsInRecord = 20;

    private readonly PromotionStep promotion = new(registry, timeProvider, logger);

    /// <summary>Runs a training to the end.</summary>
    /// <exception cref="ArgumentException">The trainer settings are invalid (nothing was recorded).</exception>
    /// <exception cref="TrainingCancelledException">Cancelled before the publish; the run record says so and nothing was published.</exception>
    public Task<TrainingResult> RunAsync(TrainingRun request, CancellationToken cancellationToken) =>
        RunAsync(request, progress: null, cancellationToken);

    /// <summary>Runs a training to the end, reporting its stages to <paramref name="progress"/>.</summary>
    /// <exception cref="ArgumentException">The trainer settings are invalid (nothing was recorded).</exception>
    /// <exception cref="TrainingCancelledException">Cancelled before the publish; the run record says so and nothing was published.</exception>
    public async Task<TrainingResult> RunAsync(TrainingRun request, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = telemetry?.StartTraining(request.ModelName, request.RunId);
        long started = timeProvider.GetTimestamp();
        try
        {
            var result = await RunCoreAsync(request, progress, cancellationToken);
            TrainingRunTelemetry.Record(telemetry, activity, result, timeProvider.GetElapsedTime(started));
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            telemetry?.RecordTraining(request.ModelName, null, "cancelled", timeProvider.GetElapsedTime(started));
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            throw;
        }
    }

    private async Task<TrainingResult> RunCoreAsync(TrainingRun request, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var settings = request.Trainer ?? options.Value.ToTrainerSettings();
        var settingErrors = settings.Validate();
        if (settingErrors.Count > 0)
        {
            throw new ArgumentException($"Invalid trainer settings: {string.Join(" ", settingErrors)}", nameof(request));
        }

        var runId = request.RunId ?? RunId.New(timeProvider);
        var now = timeProvider.GetUtcNow();
        var queued = request.Queued;
        var run = new RunState(request, settings, progress)
        {
            Record = new RunRecord
            {
                RunId = runId,
                ModelName = request.ModelName,
                Status = RunStatus.Running,
                Trigger = request.Trigger,
                Dataset = request.Data.Description,
                CreatedAt = queued?.CreatedAt ?? now,
                StartedAt = now,
                Trainer = TrainerKindNames.Format(settings.Kind),
            },
        };

        run.Report(TrainingStage.Starting, $"taking the training lock of {request.ModelName}");
        var (trainingLock, waited) = await AcquireLockAsync(run, queued, cancellationToken);
        await using var heldLock = trainingLock;
        if (trainingLock is null)
        {
            TrainingLog.RunBusy(logger, request.ModelName, runId);
            if (queued?.Status == RunStatus.Running)
            {
                // A redelivered request whose run is still going on elsewhere: that run owns the record.
                return new TrainingResult(queued, TrainingFailure.Busy);
            }

            string after = waited is { } wait ? string.Create(CultureInfo.InvariantCulture, $" (waited {wait.TotalSeconds:0.#} s for it)") : string.Empty;
            return await FailAsync(run, TrainingFailure.Busy, $"another training of {request.ModelName} is running{after}", null, cancellationToken);
        }

        // A lost lease means another trainer may take the lock: this run stops rather than publish beside it.
        var lease = trainingLock as ILeaseState;
        using var underLease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease?.Lost ?? CancellationToken.None);
        TrainingLog.RunStarted(logger, request.ModelName, runId, request.Trigger, request.Data.Description, run.Record.Trainer!);
        try
        {
            await registry.SaveRunAsync(run.Record, cancellationToken);
            return await TrainAsync(run, underLease.Token);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // Cancellation is observed up to the publish; the record is written even though the caller has given up,
            // and the training lock is released by the `await using` above on the way out.
            string stage = StageName(run.Stage);
            TrainingLog.RunCancelled(logger, request.ModelName, runId, stage);
            run.Record = run.Record with
            {
                Status = RunStatus.Cancelled,
                Stage = stage,
                Reason = $"cancelled while {stage}; nothing was published",
                FinishedAt = timeProvider.GetUtcNow(),
            };
            await SaveRecordAsync(run.Record);
            run.Report(TrainingStage.Finished, $"cancelled while {stage}");
            throw new TrainingCancelledException(run.Record, ex, cancellationToken);
        }
        catch (OperationCanceledException) when (lease is { Lost.IsCancellationRequested: true })
        {
            string published = run.Record.Version is int v ? $" after version {v} was published (it stays as it is)" : string.Empty;
            return await FailAsync(
                run,
                TrainingFailure.LockLost,
                $"the training lock was lost{published}: {lease.LostReason}; the run stopped so that two trainings never publish at once",
                null,
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is TrainingDataException or FileNotFoundException)
        {
            // These messages are written for users (the reader's and the data sources'), so they go to the record as they are.
            return await FailAsync(run, TrainingFailure.InvalidData, ex.Message, ex, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Anything else may carry paths or internals: the record names the exception type, the log has the rest.
            string published = run.Record.Version is int v ? $" after version {v} was published (it stays a candidate)" : string.Empty;
            return await FailAsync(
                run,
                TrainingFailure.Error,
                $"training failed unexpectedly{published} ({ex.GetType().Name}); the log of run {runId} has the details",
                ex,
                CancellationToken.None);
        }
    }

    // The stages in order; each reports its progress and adds what it learned to the run record.
    private async Task<TrainingResult> TrainAsync(RunState run, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        // Read before training: an automatic promotion only replaces this pointer, never one set while we trained.
        var pointer = await registry.GetPointerAsync(run.Request.ModelName, cancellationToken);
        var (data, loadMs) = await ReadAsync(run, cancellationToken);
        if (TrainingDataChecks.InvalidReason(data, settings) is string invalid)
        {
            return await FailAsync(run, TrainingFailure.InvalidData, invalid, null, cancellationToken);
        }

        var split = DataSplitter.Split(data.Accepted, settings.HoldoutFraction, settings.Seed);
        var (trained, trainMs) = await FitAsync(run, split, cancellationToken);
        var candidate = await EvaluateAsync(run, data, split, trained, pointer, new StageTimes(loadMs, trainMs), cancellationToken);

        // The last point where cancellation is observed. Publishing and promoting are the commit: a few small writes that
        // run to the end once begun, so a signal (or a lost lock) can never leave a version without its manifest or a
        // half-made decision; once published, the version exists whatever happens to the lock.
        cancellationToken.ThrowIfCancellationRequested();
        return await PublishAsync(run, trained, candidate, pointer);
    }

    private async Task<(TrainingDataReadResult Data, double ElapsedMs)> ReadAsync(RunState run, CancellationToken cancellationToken)
    {
        run.Report(TrainingStage.Reading, $"reading {run.Request.Data.Description}");
        long started = timeProvider.GetTimestamp();
        var rowsProgress = new CallbackProgress<int>(rows => run.Report(TrainingStage.Reading, $"{rows:N0} rows read", rows));
        var data = await run.Request.Data.ReadAsync(rowsProgress, options.Value.GroupColumn, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        double loadMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        run.Record = run.Record with
        {
            RowsRead = data.RowsRead,
            RowsRejected = data.RowsRejected,
            Rejections = data.Rejections.Count == 0 ? null : [.. data.Rejections.Take(RejectionsInRecord).Select(r => r.ToString())],
        };
        TrainingLog.DataRead(logger, run.Request.ModelName, run.Record.RunId, data.RowsRead, data.RowsRejected, loadMs);
        return (data, loadMs);
    }

    private async Task<(TrainedModel Trained, double ElapsedMs)> FitAsync(RunState run, DataSplit split, CancellationToken cancellationToken)
    {
        run.Report(TrainingStage.Fitting, $"fitting {run.Record.Trainer} on {split.Train.Count:N0} rows");
        long started = timeProvider.GetTimestamp();
        var trained = await Task.Run(() => ForecastTrainer.Fit(split.Train, run.Settings, cancellationToken), cancellationToken);
        double trainMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        TrainingLog.Fitted(logger, run.Request.ModelName, run.Record.RunId, run.Record.Trainer!, split.Train.Count, trainMs);
        return (trained, trainMs);
    }

    // Scores the candidate and the served version on the same holdout, decides the gate, calibrates the ranges, and
    // writes the card the version will be published with.
    private async Task<Candidate> EvaluateAsync(
        RunState run, TrainingDataReadResult data, DataSplit split, TrainedModel trained, PointerState? pointer, StageTimes times, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var modelName = run.Request.ModelName;
        string runId = run.Record.RunId;
        run.Report(TrainingStage.Evaluating, $"scoring {split.Holdout.Count:N0} holdout rows");
        long started = timeProvider.GetTimestamp();
        var quantiles = QuantileCalculator.Compute([.. split.Train.Select(r => r.Input)]);
        IReadOnlyList<ForecastInput> holdoutInputs = [.. split.Holdout.Select(r => r.Input)];
        IReadOnlyList<ForecastTargets> holdoutActual = [.. split.Holdout.Select(r => r.Targets)];
        using var candidate = ForecastModel.FromZip(modelName, 0, trained.ModelZip, quantiles, timeProvider);
        var holdoutPredictions = candidate.PredictBatch(holdoutInputs);
        var metrics = MetricsCalculator.Compute(holdoutActual, holdoutPredictions);
        TrainingLog.CandidateEvaluated(logger, modelName, runId, metrics.ArchivedGbNextPeriod.Mae, metrics.ArchivedGbNextPeriod.RSquared,
            metrics.SavingsGbNextPeriod.Mae, metrics.SavingsGbNextPeriod.RSquared);

        var gate = new PromotionGate(settings.GateTolerance);
        ModelMetrics? servingMetrics = null;
        GateDecision decision;
        if (pointer is null)
        {
            decision = gate.Decide(metrics, null, null);
        }
        else
        {
            int servingVersion = pointer.Value.Version;
            run.Report(TrainingStage.Evaluating, $"scoring the holdout with serving version {servingVersion}");
            (servingMetrics, string? problem) = await promotion.EvaluateServingAsync(modelName, runId, servingVersion, holdoutInputs, holdoutActual, cancellationToken);
            decision = servingMetrics is null
                ? PromotionGate.ServingUnusable(servingVersion, problem!)
                : gate.Decide(metrics, servingMetrics, servingVersion);
        }

        run.Report(TrainingStage.Evaluating, "calibrating the forecast ranges on held-out sources");
        var intervals = await Task.Run(() => IntervalCalibrator.Calibrate(split.Train, run.Settings, settings.Seed, settings.GroupColumn, cancellationToken), cancellationToken);
        if (intervals is not null)
        {
            intervals = IntervalCalibrator.WithHoldoutQuality(intervals, holdoutActual, holdoutPredictions);
        }

        double evaluateMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        TrainingLog.GateDecided(
            logger,
            modelName,
            runId,
            decision.ServingVersion is int served ? string.Create(CultureInfo.InvariantCulture, $"serving version {served}") : "no served version",
            decision.Passed,
            decision.Reason);
        run.Record = run.Record with { Metrics = metrics, ServingMetrics = servingMetrics, ServingVersion = pointer?.Value.Version };

        var card = new ModelCard
        {
            ModelName = modelName,
            RunId = runId,
            CreatedAt = timeProvider.GetUtcNow(),
            Trainer = run.Record.Trainer!,
            Parameters = run.Settings.ToParameters(),
            FeatureVersion = FeatureSchema.Version,
            FeatureNames = FeatureSchema.Names,
            Metrics = metrics,
            Data = new DataFingerprint(
                run.Request.Data.Description,
                TrainingDataFingerprint.Compute(data.Accepted),
                data.RowsRead,
                data.RowsRejected,
                split.Train.Count,
                split.Holdout.Count),
            Timings = new TrainingTimings(times.LoadMs, times.TrainMs, evaluateMs),
            Canaries = CanarySelector.Select(data.Accepted, candidate),
            Intervals = intervals,
        };
        return new Candidate(card, quantiles, decision);
    }

    // The commit: runs to the end once begun, whatever the caller's token says.
    private async Task<TrainingResult> PublishAsync(RunState run, TrainedModel trained, Candidate candidate, PointerState? pointer)
    {
        var modelName = run.Request.ModelName;
        string runId = run.Record.RunId;
        var commit = CancellationToken.None;
        run.Report(TrainingStage.Publishing, "publishing the new version");
        var manifest = await registry.PublishAsync(modelName, new PublishRequest(trained.ModelZip, candidate.Card, candidate.Quantiles), commit);
        int version = manifest.Version;
        run.Record = run.Record with { Version = version };
        TrainingLog.Published(logger, modelName, runId, version);

        var (promoted, reason) = await promotion.PromoteAsync(run, version, candidate.Decision, pointer, commit);
        run.Record = run.Record with
        {
            Status = RunStatus.Succeeded,
            Promoted = promoted,
            Reason = reason,
            FinishedAt = timeProvider.GetUtcNow(),
        };

        if (promoted && servedModels is not null)
        {
            // A process that serves this model (serve, the Functions app) serves its own promotion before the record
            // says "promoted", instead of at its next poll; other processes pick it up on theirs.
            await servedModels.RefreshIfServedAsync(modelName, commit);
        }

        // The version exists now: its record is written even if the caller gives up at this instant.
        await registry.SaveRunAsync(run.Record, CancellationToken.None);
        TrainingLog.RunSucceeded(logger, modelName, runId, version, promoted, reason);
        run.Report(TrainingStage.Finished, promoted ? $"version {version} published and promoted" : $"version {version} published as a candidate");
        return new TrainingResult(run.Record, TrainingFailure.None, candidate.Card, candidate.Decision);
    }

    // Waited is null when the lock was tried only once.
    private async Task<(IAsyncDisposable? Lock, TimeSpan? Waited)> AcquireLockAsync(RunState run, RunRecord? queued, CancellationToken cancellationToken)
    {
        var modelName = run.Request.ModelName;
        var settings = options.Value;
        long started = timeProvider.GetTimestamp();
        var delay = settings.LockRetryDelay;
        bool retried = false;
        while (true)
        {
            if (await registry.TryAcquireTrainingLockAsync(modelName, cancellationToken) is { } taken)
            {
                return (taken, retried ? timeProvider.GetElapsedTime(started) : null);
            }

            // A redelivered request whose run holds the lock elsewhere must not wait for itself.
            var waited = timeProvider.GetElapsedTime(started);
            if (queued?.Status == RunStatus.Running || waited + delay > settings.LockWaitTimeout)
            {
                return (null, retried ? waited : null);
            }

            retried = true;

            TrainingLog.WaitingForLock(logger, modelName, run.Record.RunId, delay.TotalSeconds);
            run.Report(TrainingStage.Starting, $"another training of {modelName} holds the lock; retrying in {delay.TotalSeconds:0.#} s");
            await Task.Delay(delay, timeProvider, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxLockRetryDelay.Ticks));
        }
    }

    private async Task<TrainingResult> FailAsync(
        RunState run, TrainingFailure failure, string reason, Exception? exception, CancellationToken cancellationToken)
    {
        run.Record = run.Record with { Status = RunStatus.Failed, Reason = reason, FinishedAt = timeProvider.GetUtcNow() };
        TrainingLog.RunFailed(logger, run.Request.ModelName, run.Record.RunId, run.Record.Version is int published ? $"version {published} published" : "nothing published", failure, reason, exception);
        try
        {
            await registry.SaveRunAsync(run.Record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The failure is what the caller must hear about; a store that cannot take the record is logged.
            TrainingLog.RunRecordNotSaved(logger, run.Request.ModelName, run.Record.RunId, ex);
        }

        run.Report(TrainingStage.Finished, $"failed: {reason}");
        return new TrainingResult(run.Record, failure);
    }

    private static string StageName(TrainingStage stage) => stage.ToString().ToLowerInvariant();

    private async Task SaveRecordAsync(RunRecord record)
    {
        try
        {
            await registry.SaveRunAsync(record, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The cancellation is what the caller must hear about; a store that cannot take the record is logged.
            TrainingLog.RunRecordNotSaved(logger, record.ModelName, record.RunId, ex);
        }
    }

    private readonly record struct StageTimes(double LoadMs, double TrainMs);

    private sealed record Candidate(ModelCard Card, FeatureQuantiles Quantiles, GateDecision Decision);
}
