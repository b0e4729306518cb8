namespace Microsoft.Azure.Functions.Worker;

/// <summary>Offline declaration of <c>TimerInfo</c> (Worker.Extensions.Timer).</summary>
public class TimerInfo
{
    /// <summary>The schedule status, when the schedule is monitored.</summary>
    public ScheduleStatus? ScheduleStatus { get; set; }

    /// <summary>Whether this run makes up for a missed occurrence.</summary>
    public bool IsPastDue { get; set; }
}
