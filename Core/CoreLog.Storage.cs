using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core;

internal static partial class CoreLog
{
    [LoggerMessage(1800, LogLevel.Information, "Lease {LeasePath} is held by another process")]
    public static partial void BlobLeaseHeld(ILogger logger, string leasePath);

    [LoggerMessage(1801, LogLevel.Warning, "Renewing lease {LeasePath} failed; retrying until released")]
    public static partial void BlobLeaseRenewFailed(ILogger logger, string leasePath, Exception exception);

    [LoggerMessage(1802, LogLevel.Warning, "Releasing lease {LeasePath} failed with {Status} {ErrorCode}; it expires by itself")]
    public static partial void BlobLeaseReleaseFailed(ILogger logger, string leasePath, int status, string? errorCode);

    [LoggerMessage(1810, LogLevel.Information, "Storage credential for {Setting}: {Credential}")]
    public static partial void StorageCredentialChosen(ILogger logger, string setting, string credential);
}
