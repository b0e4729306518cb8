namespace Microsoft.Azure.Functions.Worker;

/// <summary>Offline declaration of <c>FunctionAttribute</c> (Worker.Extensions.Abstractions): names a function method.</summary>
[AttributeUsage(AttributeTargets.Method)]
public class FunctionAttribute(string name) : Attribute
{
    /// <summary>The function name the host sees.</summary>
    public string Name { get; } = name;
}
