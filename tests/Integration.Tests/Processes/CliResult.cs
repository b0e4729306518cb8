namespace ArchiveForecast.Integration.Tests.Processes;

/// <summary>How one run of the CLI ended.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
