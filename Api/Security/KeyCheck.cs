namespace ArchiveForecast.Api.Security;

/// <summary>The outcome of checking a request's key against a route's level.</summary>
public enum KeyCheck
{
    /// <summary>The key opens the route (or the route is anonymous, or the host runs without keys).</summary>
    Allowed,

    /// <summary>No key was given.</summary>
    Missing,

    /// <summary>The key is not one of the configured keys.</summary>
    Invalid,

    /// <summary>A function key on an admin route.</summary>
    Insufficient,
}
