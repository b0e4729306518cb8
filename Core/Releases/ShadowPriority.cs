namespace ArchiveForecast.Core.Releases;

/// <summary>The OS priority of a shadow release's scoring thread (<c>Release:ShadowPriority</c>).</summary>
public enum ShadowPriority
{
    /// <summary>
    /// Nice 19 and SCHED_IDLE on Linux: the thread only gets cores no request wants, so a busy instance compares few
    /// forecasts and its answers are not slowed by the candidate. The default.
    /// </summary>
    Lowest,

    /// <summary>
    /// An ordinary thread: it competes with the answers for cores, so a busy instance compares more forecasts at a cost
    /// to their latency. For an instance with cores to spare, or where every forecast must be compared.
    /// </summary>
    Normal,
}
