namespace ArchiveForecast.Training.Jobs;

/// <summary>A retraining queue message that no retry can make usable; the host moves it to the poison queue.</summary>
public sealed class RetrainMessageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RetrainMessageException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RetrainMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RetrainMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
