namespace ArchiveForecast.Api.Responses;

/// <summary>Extra response headers an <see cref="Microsoft.AspNetCore.Http.IResult"/> of this API sets.</summary>
public sealed record ResponseHeaders(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    /// <summary>No extra headers.</summary>
    public static ResponseHeaders None { get; } = new([]);

    /// <summary>These headers plus one more.</summary>
    public ResponseHeaders With(string name, string value) => new([.. Values, new(name, value)]);

    /// <summary>The value of a header, or null.</summary>
    public string? this[string name] =>
        Values.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
