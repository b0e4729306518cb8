using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core;

internal static partial class CoreLog
{
    [LoggerMessage(1900, LogLevel.Information, "Release {ReleaseId} of {ModelName} started: version {Version}, {Mode}, fraction {Fraction}, by {Actor}")]
    public static partial void ReleaseStarted(ILogger logger, string modelName, string releaseId, int version, string mode, double fraction, string actor);

    [LoggerMessage(1901, LogLevel.Information, "Release {ReleaseId} of {ModelName} (version {Version}) ended: {Outcome} by {Actor}")]
    public static partial void ReleaseEnded(ILogger logger, string modelName, string releaseId, int version, string outcome, string actor);

    [LoggerMessage(1902, LogLevel.Warning, "Release {ReleaseId} of {ModelName} (candidate version {Version}) is aborting: {Reason}")]
    public static partial void GuardBroken(ILogger logger, string modelName, string releaseId, int version, string reason);

    [LoggerMessage(1903, LogLevel.Warning, "Shadow scoring of {ModelName} version {Version} failed")]
    public static partial void ShadowScoringFailed(ILogger logger, string modelName, int version, Exception exception);

    [LoggerMessage(1904, LogLevel.Warning, "Release {ReleaseId} of {ModelName}: candidate version {Version} could not be loaded here; serving without it")]
    public static partial void ReleaseCandidateFailed(ILogger logger, string modelName, string releaseId, int version, Exception exception);

    [LoggerMessage(1905, LogLevel.Information, "Following release {ReleaseId} of {ModelName}: version {Version}, {Mode}, fraction {Fraction}")]
    public static partial void ReleaseFollowed(ILogger logger, string modelName, string releaseId, int version, string mode, double fraction);

    [LoggerMessage(1906, LogLevel.Warning, "Release {ReleaseId} of {ModelName} aborted itself: {Reason}")]
    public static partial void ReleaseAborted(ILogger logger, string modelName, string releaseId, string reason);

    [LoggerMessage(1907, LogLevel.Error, "Ending release {ReleaseId} of {ModelName} after its guard broke failed; the next instance to see it broken tries again")]
    public static partial void ReleaseAbortFailed(ILogger logger, string modelName, string releaseId, Exception exception);
}
