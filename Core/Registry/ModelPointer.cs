using ArchiveForecast.Core.Releases;

namespace ArchiveForecast.Core.Registry;

/// <summary>The content of <c>{model}/current.json</c>: the served version, the one before it, and who changed it when and why.</summary>
/// <param name="ModelName">The model.</param>
/// <param name="Version">The served version.</param>
/// <param name="PreviousVersion">The version a rollback goes back to (the first of <paramref name="History"/>).</param>
/// <param name="UpdatedAt">When the pointer was written.</param>
/// <param name="UpdatedBy">Who wrote it.</param>
/// <param name="Reason">Why.</param>
/// <param name="History">
/// The versions served before this one, most recent first, each at most once: the path rollbacks walk back along.
/// Null in pointers written before the history was kept; <see cref="RollbackPath"/> then falls back to <paramref name="PreviousVersion"/>.
/// </param>
/// <param name="Release">
/// The running release of a candidate, if any. Written by compare-and-swap like the version; a promote or rollback
/// writes a pointer without it, which ends the release.
/// </param>
public sealed record ModelPointer(
    string ModelName,
    int Version,
    int? PreviousVersion,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string Reason,
    IReadOnlyList<int>? History = null,
    ModelRelease? Release = null)
{
    /// <summary>How many earlier versions a pointer remembers.</summary>
    public const int MaxHistory = 50;

    /// <summary>The versions rollbacks go back to, in order: <see cref="History"/>, or the previous version of an older pointer.</summary>
    public IReadOnlyList<int> RollbackPath() =>
        History ?? (PreviousVersion is int previous ? [previous] : []);

    /// <summary>Value equality, the history compared by its versions (a list has reference equality of its own).</summary>
    public bool Equals(ModelPointer? other) =>
        other is not null
        && string.Equals(ModelName, other.ModelName, StringComparison.Ordinal)
        && Version == other.Version
        && PreviousVersion == other.PreviousVersion
        && UpdatedAt == other.UpdatedAt
        && string.Equals(UpdatedBy, other.UpdatedBy, StringComparison.Ordinal)
        && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && RollbackPath().SequenceEqual(other.RollbackPath())
        && Equals(Release, other.Release);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ModelName, Version, PreviousVersion, UpdatedAt, UpdatedBy, Reason);
}

/// <summary>A pointer with the ETag it was read at; a promote must present this ETag to replace it.</summary>
public sealed record PointerState(ModelPointer Value, string ETag);
