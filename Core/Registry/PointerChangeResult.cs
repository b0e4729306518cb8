namespace ArchiveForecast.Core.Registry;

/// <summary>How a promote or rollback ended.</summary>
public enum PointerChangeStatus
{
    /// <summary>The pointer now names the requested version.</summary>
    Changed,
    /// <summary>The pointer changed under the caller (its ETag differed); nothing was written.</summary>
    Conflict,
    /// <summary>The requested version does not exist or is incomplete; nothing was written.</summary>
    VersionNotFound,
    /// <summary>A rollback found no previous version; nothing was written.</summary>
    NoPreviousVersion,
}

/// <summary>The outcome of a promote or rollback, with the pointer as it now stands when it changed.</summary>
public sealed record PointerChangeResult(PointerChangeStatus Status, PointerState? State, string Detail);
