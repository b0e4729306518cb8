using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api;

internal static partial class ApiLog
{
    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Release of {ModelName}: {Change} ({Status})")]
    public static partial void ReleaseChanged(ILogger logger, string modelName, string change, ArchiveForecast.Core.Releases.ReleaseChangeStatus status);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Candidate version {Version} of {ModelName} failed a request; the served version answered it")]
    public static partial void CandidateFailed(ILogger logger, string modelName, int version, Exception exception);
}
