namespace ArchiveForecast.Api.Routing;

/// <summary>The key a route needs, as Azure Functions names the levels.</summary>
public enum KeyLevel
{
    /// <summary>No key.</summary>
    Anonymous,

    /// <summary>A function key or an admin key.</summary>
    Function,

    /// <summary>An admin key only.</summary>
    Admin,
}
