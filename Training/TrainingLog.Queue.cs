using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training;

/// <summary>The log messages of retraining from a queue and on a schedule (event ids 2900-2949).</summary>
internal static partial class TrainingLog
{
    [LoggerMessage(2900, LogLevel.Error, "Retraining queue message is not a retraining request (delivery {DequeueCount} of {MaxDequeueCount}); it ends in the poison queue")]
    public static partial void RetrainMessageUnreadable(ILogger logger, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(2901, LogLevel.Information, "Retraining queue message for {ModelName} run {RunId} done: {Status} (delivery {DequeueCount})")]
    public static partial void RetrainMessageDone(ILogger logger, string modelName, string runId, string status, long dequeueCount);

    [LoggerMessage(2902, LogLevel.Error, "Retraining {ModelName} run {RunId} given up after {DequeueCount} deliveries; the message goes to the poison queue")]
    public static partial void RetrainMessageGivenUp(ILogger logger, string modelName, string runId, long dequeueCount, Exception exception);

    [LoggerMessage(2903, LogLevel.Error, "Retraining {ModelName} run {RunId}: the failed run record could not be written")]
    public static partial void RetrainMessageRecordFailed(ILogger logger, string modelName, string runId, Exception exception);

    [LoggerMessage(2910, LogLevel.Warning, "Scheduled retraining of {ModelName} skipped: no dataset is configured (Training:DefaultDataset)")]
    public static partial void ScheduledRetrainSkipped(ILogger logger, string modelName);

    [LoggerMessage(2911, LogLevel.Information, "Scheduled retraining of {ModelName} queued as run {RunId} (past due: {PastDue})")]
    public static partial void ScheduledRetrainQueued(ILogger logger, string modelName, string runId, bool pastDue);
}
