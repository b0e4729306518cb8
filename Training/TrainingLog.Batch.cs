using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training;

internal static partial class TrainingLog
{
    [LoggerMessage(2950, LogLevel.Information, "Batch {ModelName} run {RunId}: scoring {Dataset} with version {Version}")]
    public static partial void BatchStarted(ILogger logger, string modelName, string runId, string dataset, int version);

    [LoggerMessage(2951, LogLevel.Information, "Batch {ModelName} run {RunId}: {RowsScored} rows scored, {RowsRejected} rejected, with version {Version} in {DurationSeconds:0.0} s into {Output}")]
    public static partial void BatchSucceeded(ILogger logger, string modelName, string runId, long rowsScored, long rowsRejected, int version, double durationSeconds, string output);

    [LoggerMessage(2952, LogLevel.Warning, "Batch {ModelName} run {RunId} failed: {Reason}")]
    public static partial void BatchFailed(ILogger logger, string modelName, string runId, string reason);

    [LoggerMessage(2953, LogLevel.Information, "Batch {ModelName} run {RunId} has already finished ({Status}); not run again")]
    public static partial void BatchAlreadyFinished(ILogger logger, string modelName, string runId, string status);

    [LoggerMessage(2954, LogLevel.Warning, "Batch {ModelName} run {RunId} was cancelled after {RowsScored} rows; nothing was written")]
    public static partial void BatchCancelled(ILogger logger, string modelName, string runId, long rowsScored);

    [LoggerMessage(2955, LogLevel.Error, "Batch {ModelName} run {RunId} could not run; it is left to the queue's retry")]
    public static partial void BatchCrashed(ILogger logger, string modelName, string runId, Exception exception);

    [LoggerMessage(2956, LogLevel.Warning, "Batch {ModelName} run {RunId}: the progress could not be recorded")]
    public static partial void BatchProgressNotRecorded(ILogger logger, string modelName, string runId, Exception exception);
}
