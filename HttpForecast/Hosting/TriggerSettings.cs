namespace ArchiveForecast.HttpForecast.Hosting;

/// <summary>
/// The app settings the host reads for the non-HTTP triggers.
/// Binding expressions take <c>Section:Key</c> (an app setting <c>Section__Key</c> in Azure); a connection name must be
/// flat, because the host does not resolve nested connection names (Azure/azure-webjobs-sdk#3133) and the scale
/// controller mishandles them (Azure/azure-functions-host#8665).
/// </summary>
public static class TriggerSettings
{
    /// <summary>The NCRONTAB schedule of retraining, from the <c>Retraining__Schedule</c> app setting (UTC).</summary>
    public const string RetrainSchedule = "%Retraining:Schedule%";

    /// <summary>The retraining queue's name, from the <c>RetrainQueue__QueueName</c> app setting (shared with the sender).</summary>
    public const string RetrainQueueName = "%RetrainQueue:QueueName%";

    /// <summary>
    /// The connection prefix of the retraining queue trigger: <c>RetrainQueueConnection</c> as a connection string
    /// (Azurite) or <c>RetrainQueueConnection__queueServiceUri</c> with the managed identity (Azure).
    /// </summary>
    public const string RetrainQueueConnection = "RetrainQueueConnection";
}
