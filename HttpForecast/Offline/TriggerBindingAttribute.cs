namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Offline declaration of the worker's base trigger attribute (Worker.Extensions.Abstractions).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class TriggerBindingAttribute : BindingAttribute
{
}
