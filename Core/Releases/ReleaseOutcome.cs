namespace ArchiveForecast.Core.Releases;

/// <summary>How a release ended.</summary>
public enum ReleaseOutcome
{
    /// <summary>Stopped by an operator (<c>DELETE .../release</c>, <c>release stop</c>).</summary>
    Stopped,

    /// <summary>Ended by itself: the candidate broke a guard.</summary>
    Aborted,
}
