using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training;

/// <summary>The log messages of the scheduled retraining (event ids 2910-2919).</summary>
internal static partial class TrainingLog
{
    [LoggerMessage(2910, LogLevel.Warning, "Scheduled retraining of {ModelName} skipped: no dataset is configured (Training:DefaultDataset)")]
    public static partial void ScheduledRetrainSkipped(ILogger logger, string modelName);

    [LoggerMessage(2911, LogLevel.Information, "Scheduled retraining of {ModelName} queued as run {RunId} (past due: {PastDue})")]
    public static partial void ScheduledRetrainQueued(ILogger logger, string modelName, string runId, bool pastDue);
}
