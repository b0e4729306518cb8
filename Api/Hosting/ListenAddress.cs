using System.Net;

namespace ArchiveForecast.Api.Hosting;

/// <summary>What a listening address exposes.</summary>
public static class ListenAddress
{
    /// <summary>
    /// True for an <c>http://</c> address that is not loopback: a wildcard (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>,
    /// <c>+</c>), a host name other than <c>localhost</c>, or a non-loopback IP. Keys would cross the network in clear.
    /// </summary>
    public static bool IsPlainHttpBeyondLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || !url.AsSpan(0, scheme).Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string rest = url[(scheme + 3)..];
        int end = rest.IndexOfAny(['/', '?']);
        string authority = end < 0 ? rest : rest[..end];
        string host = authority.StartsWith('[')
            ? authority[1..Math.Max(1, authority.IndexOf(']', StringComparison.Ordinal))]
            : authority.Split(':')[0];
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !IPAddress.TryParse(host, out var address) || !IPAddress.IsLoopback(address);
    }
}
