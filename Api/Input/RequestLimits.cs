namespace ArchiveForecast.Api.Input;

/// <summary>The contract's caps on request bodies.</summary>
public static class RequestLimits
{
    /// <summary>The largest body read: 1 MiB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The deepest nesting of arrays and objects accepted.</summary>
    public const int MaxDepth = 16;

    /// <summary>The fewest instances of a predict request.</summary>
    public const int MinInstances = 1;

    /// <summary>The most instances of a predict request.</summary>
    public const int MaxInstances = 1000;
}
