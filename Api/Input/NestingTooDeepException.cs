namespace ArchiveForecast.Api.Input;

/// <summary>Thrown by the body parsers when arrays and objects nest deeper than <see cref="RequestLimits.MaxDepth"/>.</summary>
internal sealed class NestingTooDeepException : Exception
{
    public NestingTooDeepException()
        : base($"The body nests arrays and objects deeper than {RequestLimits.MaxDepth} levels.")
    {
    }

    public NestingTooDeepException(string message)
        : base(message)
    {
    }

    public NestingTooDeepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
