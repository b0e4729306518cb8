using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Offline declaration of <c>HttpTriggerAttribute</c> (Worker.Extensions.Http), with every public constructor.</summary>
public sealed class HttpTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>Any method, function key.</summary>
    public HttpTriggerAttribute() => AuthLevel = AuthorizationLevel.Function;

    /// <summary>The given methods; like the package, this leaves <see cref="AuthLevel"/> at its default.</summary>
    public HttpTriggerAttribute(params string[] methods) => Methods = methods;

    /// <summary>Any method, the given key level.</summary>
    public HttpTriggerAttribute(AuthorizationLevel authLevel) => AuthLevel = authLevel;

    /// <summary>The given key level and methods.</summary>
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods;
    }

    /// <summary>The route template under the host's route prefix; the function name when not set.</summary>
    public string? Route { get; set; }

    /// <summary>The HTTP methods the function answers.</summary>
    public string[]? Methods { get; private set; }

    /// <summary>The key level the host enforces.</summary>
    public AuthorizationLevel AuthLevel { get; private set; }
}
