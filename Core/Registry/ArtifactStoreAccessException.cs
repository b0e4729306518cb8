namespace ArchiveForecast.Core.Registry;

/// <summary>
/// The store refused the app's identity (no token could be had, or the token was rejected), or could not be reached;
/// the message names the store and what to check, never a key or token.
/// </summary>
public sealed class ArtifactStoreAccessException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArtifactStoreAccessException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ArtifactStoreAccessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ArtifactStoreAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
