using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Core.Releases;

/// <summary>The outcome of starting or ending a release.</summary>
/// <param name="Status">What happened.</param>
/// <param name="State">The pointer as it now stands (when read or written).</param>
/// <param name="Release">The release started, updated or ended.</param>
/// <param name="Detail">One sentence for people.</param>
/// <param name="Record">The record written when a release ended.</param>
public sealed record ReleaseChange(ReleaseChangeStatus Status, PointerState? State, ModelRelease? Release, string Detail, ReleaseRecord? Record = null);
