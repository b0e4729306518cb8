using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Offline declaration of <c>TimerTriggerAttribute</c> (Worker.Extensions.Timer).</summary>
public sealed class TimerTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>A six-field NCRONTAB expression, or <c>%AppSetting%</c> naming one.</summary>
    public TimerTriggerAttribute(string schedule)
    {
        Schedule = schedule;
        UseMonitor = true;
    }

    /// <summary>The schedule expression.</summary>
    public string Schedule { get; private set; }

    /// <summary>Whether the host persists schedule occurrences across restarts.</summary>
    public bool UseMonitor { get; set; }

    /// <summary>Whether the host also runs the function when it starts.</summary>
    public bool RunOnStartup { get; set; }
}
