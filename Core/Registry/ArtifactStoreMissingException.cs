namespace ArchiveForecast.Core.Registry;

/// <summary>
/// The store's container does not exist and could not be created. The message is one line naming the account, the
/// container and what to do; the storage service's answer is the inner exception.
/// </summary>
public sealed class ArtifactStoreMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArtifactStoreMissingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ArtifactStoreMissingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the service's answer.</summary>
    public ArtifactStoreMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
