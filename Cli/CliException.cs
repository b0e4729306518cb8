namespace ArchiveForecast.Cli;

/// <summary>Ends a command with a message for the user and an exit code (no stack trace).</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : this(ExitCodes.Failure, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Failure;
    }

    public CliException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; } = ExitCodes.Failure;

    public static CliException BadInput(string message) => new(ExitCodes.BadInput, message);
}
