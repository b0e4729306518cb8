using System.Diagnostics;

namespace ArchiveForecast.Integration.Tests.Processes;

/// <summary>
/// Runs the built <c>archive-forecast</c> CLI as a child process with a chosen environment, the way an operator or
/// the platform would: environment variables and token caches are per process, so each run starts clean.
/// </summary>
public static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The CLI's entry assembly: beside the test assembly (the project reference copies it there) or in Cli's own output.</summary>
    public static string EntryAssembly
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "archive-forecast.dll");
            if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
            {
                return beside;
            }

            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            var built = Path.Combine(RepositoryRoot.Path, "Cli", "bin", configuration, "net10.0", "archive-forecast.dll");
            return File.Exists(built)
                ? built
                : throw new InvalidOperationException($"The CLI is not built ({built} is missing); build the solution first.");
        }
    }

    public static async Task<CliResult> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var start = StartInfo(arguments, environment, workingDirectory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"archive-forecast {string.Join(' ', arguments)} did not finish within {Timeout.TotalMinutes} minutes.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// How to start the CLI with <paramref name="arguments"/>: stdout and stderr redirected, and an environment with
    /// nothing of the test runner's own Azure or app configuration, only <paramref name="environment"/>.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(EntryAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A clean slate: nothing of the test runner's own Azure or app configuration leaks into the child.
        foreach (var name in start.Environment.Keys.Where(IsInherited).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static bool IsInherited(string name) =>
        name.StartsWith("AZURE_", StringComparison.Ordinal)
        || name.StartsWith("IDENTITY_", StringComparison.Ordinal)
        || name.StartsWith("MSI_", StringComparison.Ordinal)
        || name.StartsWith("ModelStore__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TrainingData__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("RetrainQueue__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("KeyVault__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase)
        || name is "SSL_CERT_FILE" or "SSL_CERT_DIR";
}
