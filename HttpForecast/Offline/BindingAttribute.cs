namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Offline declaration of the worker's base binding attribute (Worker.Extensions.Abstractions).</summary>
[AttributeUsage(AttributeTargets.Method)]
public abstract class BindingAttribute : Attribute
{
}
