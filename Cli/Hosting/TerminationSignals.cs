using System.Runtime.InteropServices;

namespace ArchiveForecast.Cli.Hosting;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM into a cancellation the running command observes, so it can stop
/// cooperatively: record what it was doing, release its locks and exit with 130. A second signal is left to the
/// runtime's default handling, which ends the process at once.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly TextWriter error;
    private readonly PosixSignalRegistration[] registrations;
    private int received;

    public TerminationSignals(TextWriter error)
    {
        this.error = error;
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref received) > 1)
        {
            return;
        }

        context.Cancel = true;
        error.WriteLine($"{SignalName(context.Signal)} received: stopping (send it again to stop at once)");
        error.Flush();
        cancellation.Cancel();
    }

    private static string SignalName(PosixSignal signal) => signal == PosixSignal.SIGINT ? "interrupt" : "termination";
}
