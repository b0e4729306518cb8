namespace Microsoft.Azure.Functions.Worker;

/// <summary>Offline declaration of <c>ScheduleStatus</c> (Worker.Extensions.Timer).</summary>
public class ScheduleStatus
{
    /// <summary>The last recorded occurrence.</summary>
    public DateTime Last { get; set; }

    /// <summary>The next expected occurrence.</summary>
    public DateTime Next { get; set; }

    /// <summary>When this record was last updated.</summary>
    public DateTime LastUpdated { get; set; }
}
