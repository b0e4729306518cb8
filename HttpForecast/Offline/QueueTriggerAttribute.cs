using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Offline declaration of <c>QueueTriggerAttribute</c> (Worker.Extensions.Storage.Queues).</summary>
public sealed class QueueTriggerAttribute(string queueName) : TriggerBindingAttribute
{
    /// <summary>The queue name, or <c>%AppSetting%</c> naming it.</summary>
    public string QueueName { get; } = queueName;

    /// <summary>The prefix of the app settings that say how to reach the queue (a connection string, or <c>__queueServiceUri</c> with an identity).</summary>
    public string? Connection { get; set; }
}
