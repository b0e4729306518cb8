namespace ArchiveForecast.Core.Registry;

/// <summary>When a write may happen: always, only if nothing is there (If-None-Match: *), or only over a known ETag (If-Match).</summary>
public readonly record struct WritePrecondition
{
    private WritePrecondition(bool mustNotExist, string? ifMatch)
    {
        MustNotExist = mustNotExist;
        IfMatch = ifMatch;
    }

    /// <summary>Overwrite whatever is there.</summary>
    public static WritePrecondition None => default;

    /// <summary>Create only: fails when the object exists.</summary>
    public static WritePrecondition CreateOnly => new(true, null);

    /// <summary>Replace only the object last read with <paramref name="etag"/>.</summary>
    public static WritePrecondition Matches(string etag) => new(false, etag);

    /// <summary>True for <see cref="CreateOnly"/>.</summary>
    public bool MustNotExist { get; }

    /// <summary>The ETag that must still be current, for <see cref="Matches"/>.</summary>
    public string? IfMatch { get; }
}
