namespace ArchiveForecast.Core.Registry;

/// <summary>An object in the store is larger than the reader allows; nothing of it was used.</summary>
public sealed class ArtifactTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArtifactTooLargeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ArtifactTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ArtifactTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
