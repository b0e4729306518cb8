namespace ArchiveForecast.Core.Releases;

/// <summary>How a release start or end went.</summary>
public enum ReleaseChangeStatus
{
    /// <summary>The pointer now holds the new release.</summary>
    Started,

    /// <summary>The running release of the same candidate now has the new fraction, mode or guards (it keeps its id and numbers).</summary>
    Updated,

    /// <summary>The pointer no longer holds the release; its record was written.</summary>
    Ended,

    /// <summary>The model has no promoted version to release beside; nothing was written.</summary>
    NoServedVersion,

    /// <summary>The candidate is the served version; nothing was written.</summary>
    SameAsServed,

    /// <summary>The candidate does not exist or its publish did not finish; nothing was written.</summary>
    VersionNotFound,

    /// <summary>The candidate failed hash or canary verification; nothing was written.</summary>
    VersionInvalid,

    /// <summary>Another candidate's release is running; stop it first. Nothing was written.</summary>
    AlreadyRunning,

    /// <summary>No release (or not the one named) is running; nothing was written.</summary>
    NotRunning,

    /// <summary>The pointer changed meanwhile (a promote, a rollback, another release); nothing was written.</summary>
    Conflict,
}
