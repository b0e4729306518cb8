using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ArchiveForecast.Integration.Tests.Azurite;

/// <summary>
/// One Azurite process (blob and queue; table too, on a port nobody uses) on free 127.0.0.1 ports, started from the
/// pinned npm package under tests/azurite and stopped by its PID. It can be stopped and started again on the same
/// ports, to play a storage account that goes away and comes back.
/// </summary>
public sealed partial class AzuriteInstance : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented emulator credentials).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly AzuriteSettings settings;
    private Process? process;
    private DirectoryInfo? workspace;

    private AzuriteInstance(AzuriteSettings settings) => this.settings = settings;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public bool IsRunning => process is { HasExited: false };


    private string Scheme => settings.Certificate is null ? "http" : "https";

    public Uri BlobServiceUri => new($"{Scheme}://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueServiceUri => new($"{Scheme}://127.0.0.1:{QueuePort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol={Scheme};AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobServiceUri};QueueEndpoint={QueueServiceUri};";

    public Uri ContainerUri(string container) => new($"{BlobServiceUri}/{container}");

    public static async Task<AzuriteInstance> StartAsync(AzuriteSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var instance = new AzuriteInstance(settings ?? new AzuriteSettings());
        await instance.StartProcessAsync(cancellationToken);
        return instance;
    }

    /// <summary>Starts Azurite again on the ports it had (after <see cref="StopAsync"/>).</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is still running; stop it first.");
        }

        return StartProcessAsync(cancellationToken);
    }

    /// <summary>
    /// Stops the process by its PID and waits until it is gone: killed outright, or with <paramref name="graceful"/>
    /// asked to shut down first (SIGTERM), so a persistent instance saves its metadata before it goes.
    /// </summary>
    public async Task StopAsync(bool graceful = false)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (graceful && !process.HasExited)
            {
                using var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await signal.WaitForExitAsync();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    // It did not shut down in time; it is killed below.
                }
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            process.Dispose();
            process = null;
            DeleteWorkspace();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var entryPoint = Path.Combine(RepositoryRoot.Path, "tests", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(entryPoint))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({entryPoint} is missing). Run `npm ci --prefix tests/azurite` in the repository root.");
        }

        workspace = Directory.CreateTempSubdirectory("azurite-");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace.FullName,
        };
        foreach (var argument in Arguments(entryPoint))
        {
            start.ArgumentList.Add(argument);
        }

        var blob = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var started = new Process { StartInfo = start, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, e) => OnLine(e.Data);
        started.ErrorDataReceived += (_, e) => OnLine(e.Data);
        try
        {
            started.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            started.Dispose();
            DeleteWorkspace();
            throw new InvalidOperationException("Node.js (`node`) is needed to run Azurite and was not found on PATH.", ex);
        }

        process = started;
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var exited = started.WaitForExitAsync(timeout.Token);
        var ready = Task.WhenAll(blob.Task, queue.Task);
        try
        {
            await Task.WhenAny(ready, exited).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await StopAsync();
            throw new InvalidOperationException($"Azurite did not start within {StartTimeout.TotalSeconds} s:\n{string.Join('\n', output)}");
        }

        if (!ready.IsCompletedSuccessfully)
        {
            await StopAsync();
            throw new InvalidOperationException($"Azurite exited while starting:\n{string.Join('\n', output)}");
        }

        BlobPort = blob.Task.Result;
        QueuePort = queue.Task.Result;

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                (match.Groups["service"].Value == "Blob" ? blob : match.Groups["service"].Value == "Queue" ? queue : null)?.TrySetResult(port);
            }
        }
    }

    private void DeleteWorkspace()
    {
        try
        {
            workspace?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the test's result is what matters.
        }

        workspace = null;
    }

    private IEnumerable<string> Arguments(string entryPoint)
    {
        yield return entryPoint;
        yield return "--blobHost";
        yield return "127.0.0.1";
        yield return "--blobPort";
        yield return BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--queueHost";
        yield return "127.0.0.1";
        yield return "--queuePort";
        yield return QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--tableHost";
        yield return "127.0.0.1";
        yield return "--tablePort";
        yield return "0";
        yield return "--skipApiVersionCheck";
        yield return "--disableTelemetry";
        yield return "--disableProductStyleUrl";
        yield return "--silent";
        if (settings.DataFolder is { } folder)
        {
            yield return "--location";
            yield return folder;
        }
        else
        {
            yield return "--inMemoryPersistence";
            yield return "--extentMemoryLimit";
            yield return "256";
        }

        if (settings.Certificate is { } certificate)
        {
            yield return "--cert";
            yield return certificate.CertificatePemPath;
            yield return "--key";
            yield return certificate.KeyPemPath;
        }

        if (settings.OAuth)
        {
            yield return "--oauth";
            yield return "basic";
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
