using System.Diagnostics;
using System.Text;

namespace ArchiveForecast.Cli.Tests.Processes;

/// <summary>
/// The built <c>archive-forecast</c> run as a child process, so a test can send it real signals: stderr is read line
/// by line (a test waits for a progress line), stdout is collected.
/// </summary>
internal sealed class CliSubprocess : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly Process process;
    private readonly StringBuilder error = new();
    private readonly Lock gate = new();
    private readonly List<(string Marker, TaskCompletionSource<string> Seen)> waiters = [];
    private readonly Task<string> output;
    private readonly Task errorDrained;

    private CliSubprocess(Process process)
    {
        this.process = process;
        output = process.StandardOutput.ReadToEndAsync();
        errorDrained = DrainErrorAsync();
    }

    public int Id => process.Id;

    /// <summary>Starts the CLI (the assembly the project reference copies beside the tests) with <paramref name="arguments"/>.</summary>
    public static CliSubprocess Start(string workingDirectory, params string[] arguments)
    {
        // A test run started in the background of a non-interactive shell inherits SIGINT as ignored, and a process keeps
        // an inherited ignore; env(1) restores the default disposition so the CLI sees the signal as a terminal would send it.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("--default-signal=INT,TERM");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "archive-forecast.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("ModelStore__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        return new CliSubprocess(Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started."));
    }

    /// <summary>Completes with the first stderr line that contains <paramref name="marker"/> (seen before or after the call).</summary>
    public Task<string> WaitForErrorLineAsync(string marker)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var earlier = error.ToString().Split('\n').FirstOrDefault(line => line.Contains(marker, StringComparison.Ordinal));
            if (earlier is not null)
            {
                seen.SetResult(earlier);
            }
            else
            {
                waiters.Add((marker, seen));
            }
        }

        return seen.Task.WaitAsync(Timeout);
    }

    /// <summary>Sends a real signal with kill(1), as a shell's Ctrl+C or a container stop does.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill could not be started.");
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, $"kill -{signal} {process.Id}");
    }

    /// <summary>Waits for the exit; returns the exit code, stdout and the whole stderr.</summary>
    public async Task<CliResult> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        await errorDrained;
        lock (gate)
        {
            return new CliResult(process.ExitCode, output.Result, error.ToString());
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private async Task DrainErrorAsync()
    {
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            lock (gate)
            {
                error.Append(line).Append('\n');
                foreach (var waiter in waiters.Where(w => line.Contains(w.Marker, StringComparison.Ordinal)).ToList())
                {
                    waiter.Seen.TrySetResult(line);
                    waiters.Remove(waiter);
                }
            }
        }
    }
}
