namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// Which host composes the service. Each layer's <c>AddArchiveForecast…</c> reads what differs between hosts from the
/// profile, so a host names what it is instead of setting flags whose defaults suit another host.
/// </summary>
public enum HostProfile
{
    /// <summary>
    /// The Azure Functions app: models are loaded and polled; retraining requests go to the Storage queue, whose queue
    /// trigger runs them; the Functions host records requests and the worker's logs itself.
    /// </summary>
    Functions,

    /// <summary>
    /// <c>archive-forecast serve</c> on Kestrel: models are loaded and polled; the process runs the retraining work
    /// itself (an in-process queue, or the Storage queue when one is configured); it exports its own requests and logs.
    /// </summary>
    Server,

    /// <summary>A one-job CLI command: no hosted services (no polling, no retraining worker), nothing exported.</summary>
    Command,
}
