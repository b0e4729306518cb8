using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training;

internal static partial class TrainingLog
{
    [LoggerMessage(2800, LogLevel.Error, "A retraining queue message (delivery {DequeueCount}) is not a retraining request and names no run to record it against")]
    public static partial void QueueMessageUnreadable(ILogger logger, long dequeueCount, Exception exception);

    [LoggerMessage(2801, LogLevel.Error, "Retraining {ModelName} run {RunId}: the queue message (delivery {DequeueCount}) could not be processed")]
    public static partial void QueueMessageFailed(ILogger logger, string modelName, string runId, long dequeueCount, Exception exception);

    [LoggerMessage(2802, LogLevel.Error, "Retraining {ModelName} run {RunId}: the failed run record could not be written")]
    public static partial void QueueFailureNotRecorded(ILogger logger, string modelName, string runId, Exception exception);
}
