namespace ArchiveForecast.Training.Retraining;

/// <summary>The retraining queue does not exist and the identity may not create it; the message is one line saying what to do.</summary>
public sealed class RetrainQueueMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RetrainQueueMissingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RetrainQueueMissingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the service's answer.</summary>
    public RetrainQueueMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
