namespace ArchiveForecast.Core.Inference;

/// <summary>
/// A model produced NaN or an infinity for an input. The value is never returned as a forecast; hosts answer with a
/// server error and nothing of the message.
/// </summary>
public sealed class NonFinitePredictionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonFinitePredictionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NonFinitePredictionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public NonFinitePredictionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
