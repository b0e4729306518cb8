using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training;

/// <summary>The log messages of training (event ids 2000-2999). Every message of a run names the model and the run id, and the version once there is one.</summary>
internal static partial class TrainingLog
{
    [LoggerMessage(2000, LogLevel.Information, "Training {ModelName} run {RunId} started ({Trigger}) on {Dataset} with {Trainer}")]
    public static partial void RunStarted(ILogger logger, string modelName, string runId, string trigger, string dataset, string trainer);

    [LoggerMessage(2024, LogLevel.Information, "Training {ModelName} run {RunId} waits for the training lock another training holds; retrying in {DelaySeconds:0.#} s")]
    public static partial void WaitingForLock(ILogger logger, string modelName, string runId, double delaySeconds);

    [LoggerMessage(2001, LogLevel.Warning, "Training {ModelName} run {RunId} not started: another training of the model holds the lock")]
    public static partial void RunBusy(ILogger logger, string modelName, string runId);

    [LoggerMessage(2002, LogLevel.Information, "Training {ModelName} run {RunId} read {RowsRead} rows, rejected {RowsRejected}, in {ElapsedMs:F0} ms")]
    public static partial void DataRead(ILogger logger, string modelName, string runId, int rowsRead, int rowsRejected, double elapsedMs);

    [LoggerMessage(2003, LogLevel.Information, "Training {ModelName} run {RunId} fitted {Trainer} on {Rows} rows in {ElapsedMs:F0} ms")]
    public static partial void Fitted(ILogger logger, string modelName, string runId, string trainer, int rows, double elapsedMs);

    [LoggerMessage(2004, LogLevel.Information,
        "Training {ModelName} run {RunId} candidate holdout: archived MAE {ArchivedMae:G4} R² {ArchivedR2:G4}, savings MAE {SavingsMae:G4} R² {SavingsR2:G4}")]
    public static partial void CandidateEvaluated(ILogger logger, string modelName, string runId, double archivedMae, double archivedR2, double savingsMae, double savingsR2);

    [LoggerMessage(2005, LogLevel.Information,
        "Training {ModelName} run {RunId} serving version {ServingVersion} on the same holdout: archived MAE {ArchivedMae:G4}, savings MAE {SavingsMae:G4}")]
    public static partial void ServingEvaluated(ILogger logger, string modelName, string runId, int servingVersion, double archivedMae, double savingsMae);

    [LoggerMessage(2006, LogLevel.Warning, "Training {ModelName} run {RunId}: serving version {ServingVersion} could not be evaluated; the gate passes the candidate")]
    public static partial void ServingUnusable(ILogger logger, string modelName, string runId, int servingVersion, Exception exception);

    [LoggerMessage(2007, LogLevel.Information, "Training {ModelName} run {RunId} gate against {ServingVersion} passed={Passed}: {Reason}")]
    public static partial void GateDecided(ILogger logger, string modelName, string runId, string servingVersion, bool passed, string reason);

    [LoggerMessage(2008, LogLevel.Information, "Training {ModelName} run {RunId} published version {Version}")]
    public static partial void Published(ILogger logger, string modelName, string runId, int version);

    [LoggerMessage(2009, LogLevel.Information, "Training {ModelName} run {RunId} promoted version {Version} (forced={Forced})")]
    public static partial void Promoted(ILogger logger, string modelName, string runId, int version, bool forced);

    [LoggerMessage(2010, LogLevel.Warning, "Training {ModelName} run {RunId}: the pointer changed during training, so version {Version} stays a candidate")]
    public static partial void PromotionConflict(ILogger logger, string modelName, string runId, int version);

    [LoggerMessage(2011, LogLevel.Information, "Training {ModelName} run {RunId} kept version {Version} as a candidate: {Reason}")]
    public static partial void KeptAsCandidate(ILogger logger, string modelName, string runId, int version, string reason);

    [LoggerMessage(2012, LogLevel.Information, "Training {ModelName} run {RunId} succeeded: version {Version}, promoted={Promoted}: {Reason}")]
    public static partial void RunSucceeded(ILogger logger, string modelName, string runId, int version, bool promoted, string reason);

    [LoggerMessage(2013, LogLevel.Error, "Training {ModelName} run {RunId} failed ({Outcome}, {Failure}): {Reason}")]
    public static partial void RunFailed(ILogger logger, string modelName, string runId, string outcome, TrainingFailure failure, string reason, Exception? exception);

    [LoggerMessage(2014, LogLevel.Information, "Training {ModelName} run {RunId} cancelled while {Stage}; nothing was published")]
    public static partial void RunCancelled(ILogger logger, string modelName, string runId, string stage);

    [LoggerMessage(2015, LogLevel.Error, "Training {ModelName} run {RunId}: the run record could not be saved")]
    public static partial void RunRecordNotSaved(ILogger logger, string modelName, string runId, Exception exception);

    [LoggerMessage(2020, LogLevel.Information, "Retraining {ModelName} run {RunId} queued ({Trigger}) on {Dataset}")]
    public static partial void RetrainQueued(ILogger logger, string modelName, string runId, string trigger, string dataset);

    [LoggerMessage(2021, LogLevel.Information, "Retraining {ModelName} run {RunId} skipped: the run already finished ({Status})")]
    public static partial void RetrainAlreadyFinished(ILogger logger, string modelName, string runId, string status);

    [LoggerMessage(2022, LogLevel.Error, "Retraining {ModelName} run {RunId} could not run")]
    public static partial void RetrainCrashed(ILogger logger, string modelName, string runId, Exception exception);

    [LoggerMessage(2023, LogLevel.Information, "Retraining worker started (in-process queue of {Capacity})")]
    public static partial void WorkerStarted(ILogger logger, int capacity);
}
