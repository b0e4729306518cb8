using Azure;
using Azure.Identity;

namespace ArchiveForecast.Core.Configuration;

/// <summary>Turns Azure SDK authentication failures into one-line reasons fit for a log line or a CLI error.</summary>
public static class StorageFailures
{
    /// <summary>True for failures of identity: no token could be had, or the service rejected it (401/403).</summary>
    public static bool IsAccessFailure(Exception exception) =>
        exception is AuthenticationFailedException or CredentialUnavailableException
            || exception is RequestFailedException { Status: 401 or 403 };

    /// <summary>One line saying why: the status and error code with the service's detail, or the credential's first line.</summary>
    public static string Reason(Exception exception) =>
        exception switch
        {
            RequestFailedException rf => $"{rf.Status} {rf.ErrorCode}{Detail(rf.Message)}",
            _ => FirstLine(exception.Message),
        };

    private static string Detail(string message)
    {
        const string Marker = "AuthenticationErrorDetail:";
        foreach (var line in message.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(Marker, StringComparison.Ordinal))
            {
                return ": " + trimmed[Marker.Length..].Trim();
            }
        }

        return string.Empty;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
