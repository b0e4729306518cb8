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

    [LoggerMessage(2803, LogLevel.Information, "Retraining queue worker started on {QueueUri}, polling at most every {MaxPollingInterval}")]
    public static partial void QueueWorkerStarted(ILogger logger, Uri queueUri, TimeSpan maxPollingInterval);

    [LoggerMessage(2804, LogLevel.Information, "Retraining queue message {MessageId} (delivery {DequeueCount}) handled: run {RunId} {Status}")]
    public static partial void QueueMessageHandled(ILogger logger, string messageId, long dequeueCount, string runId, string status);

    [LoggerMessage(2805, LogLevel.Warning, "Retraining queue message {MessageId} (delivery {DequeueCount}) failed; it is delivered again after {RetryDelay}")]
    public static partial void QueueMessageRetried(ILogger logger, string messageId, long dequeueCount, TimeSpan retryDelay);

    [LoggerMessage(2806, LogLevel.Error, "Retraining queue message {MessageId} failed on delivery {DequeueCount} of {MaxDequeueCount}; moved to {PoisonQueue}")]
    public static partial void QueueMessagePoisoned(ILogger logger, string messageId, long dequeueCount, int maxDequeueCount, string poisonQueue);

    [LoggerMessage(2807, LogLevel.Warning, "The retraining queue {QueueUri} could not be read or updated; trying again after {Delay}")]
    public static partial void QueueUnavailable(ILogger logger, Uri queueUri, TimeSpan delay, Exception exception);
}
