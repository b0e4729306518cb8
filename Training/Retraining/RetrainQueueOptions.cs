using System.ComponentModel.DataAnnotations;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// The Azure Storage queue that carries retraining requests: <see cref="QueueServiceUri"/> with managed identity in
/// Azure, or <see cref="ConnectionString"/> for Azurite. With neither set, requests stay in-process (<c>serve</c>).
/// </summary>
public sealed class RetrainQueueOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "RetrainQueue";

    /// <summary>The queue name the queue-triggered function listens on.</summary>
    public const string DefaultQueueName = "retrain-requests";

    /// <summary>The queue service URL (<c>https://{account}.queue.core.windows.net</c>), reached with managed identity.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>A storage connection string, for Azurite and local development only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The queue name.</summary>
    [Required]
    [RegularExpression(@"^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}\z")]
    public string QueueName { get; set; } = DefaultQueueName;

    /// <summary>The client id of a user-assigned managed identity; empty for <c>ModelStore:ManagedIdentityClientId</c> or the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// How long <c>serve</c>'s queue worker waits at most between polls of an empty queue (it backs off up to this
    /// from one second); the Functions app sets its own in host.json (<c>maxPollingInterval</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a message whose delivery failed stays invisible before <c>serve</c>'s queue worker sees it again; the
    /// Functions app sets its own in host.json (<c>visibilityTimeout</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Deliveries of a message before it is poisoned (written as a failed run record and moved to <c>{queue}-poison</c>).
    /// The Functions host takes its own from host.json (<c>extensions:queues:maxDequeueCount</c>), and the Functions app
    /// binds this option from that same value, so the two cannot disagree; <c>serve</c>'s queue worker uses this one.
    /// </summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = DefaultMaxDequeueCount;

    /// <summary>The Functions host's default <c>maxDequeueCount</c>.</summary>
    public const int DefaultMaxDequeueCount = 5;

    /// <summary>True when a storage queue is configured.</summary>
    public bool IsConfigured => QueueServiceUri is not null || !string.IsNullOrWhiteSpace(ConnectionString);
}
