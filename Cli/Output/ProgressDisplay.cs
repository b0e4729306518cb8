using System.Globalization;
using ArchiveForecast.Training.Pipeline;

namespace ArchiveForecast.Cli.Output;

/// <summary>
/// Progress of long work on stderr: on a terminal one line redrawn in place, otherwise one line per message (so logs of
/// a script stay readable). Cleared when disposed.
/// </summary>
internal sealed class ProgressDisplay(TextWriter writer, bool interactive) : IProgress<TrainingProgress>, IProgress<string>, IDisposable
{
    private readonly Lock gate = new();
    private readonly long started = TimeProvider.System.GetTimestamp();
    private int width;

    /// <summary>Shows a stage; the end of a run is left to the command's own result or error line, so it is said once.</summary>
    public void Report(TrainingProgress value)
    {
        if (value.Stage != TrainingStage.Finished)
        {
            Report($"[{value.Stage.ToString().ToLowerInvariant()}] {value.Message}");
        }
    }

    /// <summary>Shows a message with the time elapsed since the work began.</summary>
    public void Report(string value)
    {
        value = string.Create(CultureInfo.InvariantCulture, $"{value} ({TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s)");
        lock (gate)
        {
            if (interactive)
            {
                writer.Write($"\r{value.PadRight(width)}");
                width = value.Length;
            }
            else
            {
                writer.WriteLine(value);
            }

            writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (interactive && width > 0)
            {
                writer.Write($"\r{new string(' ', width)}\r");
                writer.Flush();
                width = 0;
            }
        }
    }
}
