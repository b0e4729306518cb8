namespace ArchiveForecast.Training.Retraining;

/// <summary>The retraining queue holds as many requests as it may; the caller should retry later (HTTP answers 503).</summary>
public sealed class RetrainQueueFullException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public RetrainQueueFullException()
        : base("The retraining queue is full; try again later.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RetrainQueueFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RetrainQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
