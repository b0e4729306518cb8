using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ArchiveForecast.Integration.Tests.Processes;

/// <summary>
/// <c>archive-forecast serve</c> as a long-running child process, started like <see cref="CliProcess"/> (same clean
/// environment): ready once it prints its <c>Listening on http://…</c> line, killed by its PID (with its process tree)
/// when disposed, whether the test passed or not, and when the test runner exits without disposing it.
/// </summary>
public sealed partial class CliServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int stopped;

    private CliServer(Process process) => this.process = process;

    /// <summary>The first address the server listens on.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>True once the process has ended (crashed, or stopped).</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Everything it wrote so far, stdout and stderr interleaved, for assertion messages.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>Starts <c>archive-forecast serve</c> with <paramref name="arguments"/> and waits (bounded) until it listens.</summary>
    /// <exception cref="InvalidOperationException">It exited, or did not print where it listens, within the start timeout; it is killed.</exception>
    public static async Task<CliServer> StartAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var start = CliProcess.StartInfo(["serve", .. arguments], environment, workingDirectory);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new CliServer(process);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data, fromStandardOutput: true);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, fromStandardOutput: false);
        process.Exited += (_, _) => server.listening.TrySetException(new InvalidOperationException("archive-forecast serve exited before it listened."));
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException("dotnet could not be started.");
        }

        AppDomain.CurrentDomain.ProcessExit += server.KillOnRunnerExit;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            server.BaseAddress = await server.listening.Task.WaitAsync(StartTimeout, cancellationToken);
            return server;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"archive-forecast serve did not start listening within {StartTimeout.TotalSeconds} s:\n{server.Output}", ex);
        }
    }

    /// <summary>Kills the process tree by PID and waits (bounded) until it is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnRunnerExit;
        try
        {
            Kill();
            using var timeout = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Still there after a SIGKILL and the stop timeout: nothing more a test can do; the report shows the output.
            TestContext.Out.WriteLine($"archive-forecast serve (pid {process.Id}) did not exit within {StopTimeout.TotalSeconds} s of being killed.");
        }
        finally
        {
            process.Dispose();
        }
    }

    private void KillOnRunnerExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private void OnLine(string? line, bool fromStandardOutput)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        if (fromStandardOutput && ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    [GeneratedRegex(@"^Listening on (?<url>https?://\S+)$")]
    private static partial Regex ListeningLine();
}
