namespace ArchiveForecast.Training.Data;

/// <summary>A training file that cannot be used at all (no header, a missing required column, not UTF-8, ...).</summary>
public sealed class TrainingDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingDataException()
    {
    }

    /// <summary>Creates the exception with a message a user can act on.</summary>
    public TrainingDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TrainingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
