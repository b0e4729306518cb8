using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Api.Responses;

/// <summary>
/// What a model card shows to whom. Function-key clients get it without the canary rows (real training rows) and with
/// the data source reduced to a name (cards written before sources were recorded as names may hold a local path);
/// admin-key clients get the card as stored.
/// </summary>
public static class ModelCardViews
{
    /// <summary>The card for a caller with a function key.</summary>
    public static ModelCard ForClients(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card with
        {
            Canaries = [],
            Data = card.Data with { Source = ClientSource(card.Data.Source) },
        };
    }

    /// <summary>
    /// A source as a client may see it: a dataset path relative to its store or a file name stays; an absolute local
    /// path (Unix or Windows), a UNC path or a URL becomes its last segment.
    /// </summary>
    public static string ClientSource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        bool absolute = source.StartsWith('/') || source.StartsWith('\\') || source.Contains('\\', StringComparison.Ordinal)
            || (source.Length >= 2 && char.IsAsciiLetter(source[0]) && source[1] == ':')
            || source.Contains("://", StringComparison.Ordinal) || source.StartsWith('~');
        if (!absolute)
        {
            return source;
        }

        string trimmed = source.TrimEnd('/', '\\');
        int last = trimmed.LastIndexOfAny(['/', '\\', ':']);
        return last < 0 ? trimmed : trimmed[(last + 1)..];
    }
}
