using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Gate;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training.Pipeline;

/// <summary>
/// The pipeline's steps around the served version: score it on the candidate's holdout, and after the publish promote
/// the candidate per policy, by compare-and-swap on the pointer read before training.
/// </summary>
internal sealed class PromotionStep(ModelRegistry registry, TimeProvider timeProvider, ILogger logger)
{
    public async Task<(ModelMetrics? Metrics, string? Problem)> EvaluateServingAsync(
        ModelName modelName,
        string runId,
        int version,
        IReadOnlyList<ForecastInput> inputs,
        IReadOnlyList<ForecastTargets> actual,
        CancellationToken cancellationToken)
    {
        try
        {
            var verified = await registry.LoadVersionAsync(modelName, version, cancellationToken);
            using var serving = ForecastModel.Load(verified, timeProvider);
            var metrics = MetricsCalculator.Compute(actual, serving.PredictBatch(inputs));
            TrainingLog.ServingEvaluated(logger, modelName, runId, version, metrics.ArchivedGbNextPeriod.Mae, metrics.SavingsGbNextPeriod.Mae);
            return (metrics, null);
        }
        catch (Exception ex) when (ex is ArtifactVerificationException or ModelSelfCheckException or NonFinitePredictionException or InvalidDataException)
        {
            // A served version that is corrupt or broken is no bar to its replacement.
            TrainingLog.ServingUnusable(logger, modelName, runId, version, ex);
            return (null, ex.Message);
        }
    }

    public async Task<(bool Promoted, string Reason)> PromoteAsync(
        RunState run, int version, GateDecision decision, PointerState? pointer, CancellationToken cancellationToken)
    {
        var modelName = run.Request.ModelName;
        string runId = run.Record.RunId;
        string actor = $"training run {runId} ({run.Request.Trigger})";
        switch (run.Request.Promote)
        {
            case PromotePolicy.Never:
                TrainingLog.KeptAsCandidate(logger, modelName, runId, version, "promote policy never");
                return (false, $"version {version} kept as a candidate (promote policy: never); gate: {decision.Reason}");
            case PromotePolicy.Auto when !decision.Passed:
                TrainingLog.KeptAsCandidate(logger, modelName, runId, version, decision.Reason);
                return (false, $"version {version} kept as a candidate by the gate: {decision.Reason}");
        }

        run.Report(TrainingStage.Promoting, $"promoting version {version}");
        bool forced = run.Request.Promote == PromotePolicy.Force;
        PointerChangeResult result;
        if (forced)
        {
            result = await registry.PromoteAsync(modelName, version, null, actor, $"forced promotion; gate: {decision.Reason}", cancellationToken);
        }
        else if (pointer is null && await registry.GetPointerAsync(modelName, cancellationToken) is not null)
        {
            // There was no pointer to compare-and-swap on, so a first promotion made during training is found by looking again.
            result = new PointerChangeResult(PointerChangeStatus.Conflict, null, "a version was promoted during training");
        }
        else
        {
            result = await registry.PromoteAsync(modelName, version, pointer?.ETag, actor, decision.Reason, cancellationToken);
        }

        switch (result.Status)
        {
            case PointerChangeStatus.Changed:
                TrainingLog.Promoted(logger, modelName, runId, version, forced);
                return (true, forced
                    ? $"version {version} promoted by force; gate: {decision.Reason}"
                    : $"version {version} promoted: {decision.Reason}");
            case PointerChangeStatus.Conflict:
                TrainingLog.PromotionConflict(logger, modelName, runId, version);
                return (false,
                    $"version {version} kept as a candidate: the gate passed, but the pointer changed during training " +
                    $"(someone promoted meanwhile), so it was not promoted over that; gate: {decision.Reason}");
            default:
                TrainingLog.KeptAsCandidate(logger, modelName, runId, version, result.Detail);
                return (false, $"version {version} kept as a candidate: promotion failed ({result.Detail})");
        }
    }
}
