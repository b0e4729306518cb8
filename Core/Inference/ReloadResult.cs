namespace ArchiveForecast.Core.Inference;

/// <summary>How a reload ended.</summary>
public enum ReloadOutcome
{
    /// <summary>A new version is now served.</summary>
    Swapped,
    /// <summary>The pointer still names the served version; nothing changed.</summary>
    Unchanged,
    /// <summary>No version has been promoted yet; nothing is served.</summary>
    NoPointer,
    /// <summary>Loading failed; the last good model (if any) is still served.</summary>
    Failed,
}

/// <summary>The outcome of a reload and the version served after it (null when none).</summary>
public sealed record ReloadResult(ReloadOutcome Outcome, int? ServedVersion, string? Error);
