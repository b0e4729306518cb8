namespace ArchiveForecast.Core.Inference;

/// <summary>A loaded model failed its self-check (canary rows differ, or it predicts non-finite values). It must not be served.</summary>
public sealed class ModelSelfCheckException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelSelfCheckException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelSelfCheckException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ModelSelfCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
