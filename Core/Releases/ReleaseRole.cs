namespace ArchiveForecast.Core.Releases;

/// <summary>Which side of a release scored a request; the <c>release.role</c> tag of the release metrics.</summary>
public enum ReleaseRole
{
    /// <summary>The version the pointer serves.</summary>
    Served,

    /// <summary>The release's candidate.</summary>
    Candidate,
}
