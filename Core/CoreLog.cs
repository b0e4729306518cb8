using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core;

/// <summary>
/// Core's log messages. Ranges: 1000-1099 registry, 1100-1199 serving, 1200-1299 folder store, 1800-1899 Blob store.
/// Messages carry names, versions, counts and file names; never artifact or request content.
/// </summary>
internal static partial class CoreLog
{
    [LoggerMessage(1000, LogLevel.Information, "Published {ModelName} version {Version} from run {RunId} ({Bytes} bytes of model.zip)")]
    public static partial void VersionPublished(ILogger logger, string modelName, int version, string runId, int bytes);

    [LoggerMessage(1001, LogLevel.Debug, "{ModelName} version {Version} was claimed by another publisher; trying the next number")]
    public static partial void VersionNumberTaken(ILogger logger, string modelName, int version);

    [LoggerMessage(1002, LogLevel.Information, "{Change} of {ModelName}: version {Version} is now current (previous: {PreviousVersion}) by {Actor}")]
    public static partial void PointerChanged(ILogger logger, string change, string modelName, int version, string previousVersion, string actor);

    [LoggerMessage(1003, LogLevel.Warning, "{Change} of {ModelName} to version {Version} lost a race: the pointer changed meanwhile")]
    public static partial void PointerConflict(ILogger logger, string change, string modelName, int version);

    [LoggerMessage(1007, LogLevel.Information, "{Change} of {ModelName} to version {Version} refused: the caller's If-Match is not the pointer's current ETag")]
    public static partial void PointerPreconditionFailed(ILogger logger, string change, string modelName, int version);

    [LoggerMessage(1004, LogLevel.Information, "{Change} of {ModelName} refused: {Status} (version {Version})")]
    public static partial void PointerChangeRefused(ILogger logger, string change, string modelName, int? version, string status);

    [LoggerMessage(1005, LogLevel.Warning, "Verification of {ModelName} version {Version} failed at {FileName}: {Reason}")]
    public static partial void VerificationFailed(ILogger logger, string modelName, int version, string fileName, string reason);

    [LoggerMessage(1008, LogLevel.Information, "Indexed run records by id: {Copied} written before the index existed were copied into it")]
    public static partial void RunIndexBuilt(ILogger logger, int copied);

    [LoggerMessage(1006, LogLevel.Debug, "Saved run {RunId} of {ModelName} with status {Status}")]
    public static partial void RunSaved(ILogger logger, string modelName, string runId, string status);

    [LoggerMessage(1300, LogLevel.Warning, "Setting {Setting} comes from Key Vault, which overrides the value an app setting, environment variable or file gave it")]
    public static partial void KeyVaultOverride(ILogger logger, string setting);

    [LoggerMessage(1100, LogLevel.Information, "Serving {ModelName} version {Version} (was: {PreviousVersion})")]
    public static partial void ModelSwapped(ILogger logger, string modelName, int version, string previousVersion);

    [LoggerMessage(1101, LogLevel.Error, "Loading {ModelName} version {Version} failed ({ConsecutiveFailures} in a row); still serving {ServedVersion}")]
    public static partial void ModelLoadFailed(ILogger logger, string modelName, int? version, int consecutiveFailures, int? servedVersion, Exception exception);

    [LoggerMessage(1102, LogLevel.Information, "{ModelName} has no promoted version yet; serving {ServedVersion}")]
    public static partial void NoPromotedVersion(ILogger logger, string modelName, int? servedVersion);

    [LoggerMessage(1103, LogLevel.Debug, "{ModelName} version {Version} failed before with the same pointer; not loading it again until the pointer changes")]
    public static partial void KnownBadVersionSkipped(ILogger logger, string modelName, int version);

    [LoggerMessage(1104, LogLevel.Warning, "Reloading the served models failed")]
    public static partial void ReloadPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(1105, LogLevel.Information, "Polling the model pointers every {Interval}")]
    public static partial void ReloadPollingStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(1200, LogLevel.Information, "Lease {LeasePath} had expired at {ExpiredAt}; taken over")]
    public static partial void LeaseTakenOver(ILogger logger, string leasePath, DateTimeOffset expiredAt);

    [LoggerMessage(1201, LogLevel.Warning, "Lease {LeasePath} was lost (it expired and someone else took it); no longer renewing")]
    public static partial void LeaseLost(ILogger logger, string leasePath);

    [LoggerMessage(1202, LogLevel.Warning, "Renewing lease {LeasePath} failed; retrying until released")]
    public static partial void LeaseRenewFailed(ILogger logger, string leasePath, Exception exception);

    [LoggerMessage(1203, LogLevel.Warning, "Releasing lease {LeasePath} failed; it expires by itself")]
    public static partial void LeaseReleaseFailed(ILogger logger, string leasePath, Exception exception);
}
