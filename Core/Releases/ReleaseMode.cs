namespace ArchiveForecast.Core.Releases;

/// <summary>How a release sends traffic to its candidate.</summary>
public enum ReleaseMode
{
    /// <summary>A fraction of prediction requests is answered by the candidate.</summary>
    Split,

    /// <summary>The served version answers every request; the candidate scores a fraction of them off the critical path.</summary>
    Shadow,
}
