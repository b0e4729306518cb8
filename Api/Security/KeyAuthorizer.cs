using System.Security.Cryptography;
using System.Text;
using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Security;

/// <summary>
/// Checks keys the way the Azure Functions host does: from the <c>x-functions-key</c> header, else the <c>code</c>
/// query parameter; admin keys satisfy function level. Keys are compared as SHA-256 digests with a fixed-time
/// comparison against every configured key, so neither the content nor the length of a key leaks through timing.
/// </summary>
public sealed class KeyAuthorizer
{
    /// <summary>The header that carries a key.</summary>
    public const string HeaderName = "x-functions-key";

    /// <summary>The query parameter that carries a key.</summary>
    public const string QueryName = "code";

    private readonly byte[][] functionKeys;
    private readonly byte[][] adminKeys;

    /// <summary>Creates the authorizer over the configured keys.</summary>
    public KeyAuthorizer(IOptions<AuthOptions> options)
    {
        var value = options.Value;
        functionKeys = [.. value.FunctionKeys.Select(Digest)];
        adminKeys = [.. value.AdminKeys.Select(Digest)];
        AllowAnonymous = value.AllowAnonymous;
    }

    /// <summary>True when the host serves every route without a key.</summary>
    public bool AllowAnonymous { get; }

    /// <summary>Checks the key of <paramref name="request"/> against <paramref name="level"/>.</summary>
    public KeyCheck Check(HttpRequest request, KeyLevel level)
    {
        if (level == KeyLevel.Anonymous || AllowAnonymous)
        {
            return KeyCheck.Allowed;
        }

        string? key = request.Headers[HeaderName].FirstOrDefault();
        if (string.IsNullOrEmpty(key))
        {
            key = request.Query[QueryName].FirstOrDefault();
        }

        if (string.IsNullOrEmpty(key))
        {
            return KeyCheck.Missing;
        }

        byte[] digest = Digest(key);
        bool admin = MatchesAny(digest, adminKeys);
        bool function = MatchesAny(digest, functionKeys);
        return admin ? KeyCheck.Allowed
            : !function ? KeyCheck.Invalid
            : level == KeyLevel.Function ? KeyCheck.Allowed
            : KeyCheck.Insufficient;
    }

    /// <summary>
    /// The highest level the key of <paramref name="request"/> proves: admin for an admin key (or when the host runs
    /// without keys, since every route is then open), function for a function key, else anonymous.
    /// </summary>
    public KeyLevel LevelOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AllowAnonymous)
        {
            return KeyLevel.Admin;
        }

        string? key = request.Headers[HeaderName].FirstOrDefault();
        if (string.IsNullOrEmpty(key))
        {
            key = request.Query[QueryName].FirstOrDefault();
        }

        if (string.IsNullOrEmpty(key))
        {
            return KeyLevel.Anonymous;
        }

        byte[] digest = Digest(key);
        return MatchesAny(digest, adminKeys) ? KeyLevel.Admin
            : MatchesAny(digest, functionKeys) ? KeyLevel.Function
            : KeyLevel.Anonymous;
    }

    private static bool MatchesAny(byte[] digest, byte[][] keys)
    {
        bool match = false;
        foreach (byte[] key in keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(digest, key);
        }

        return match;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
