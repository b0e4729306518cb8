using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// A run id, checked once where it enters (a route, a queue message) and trusted after. Run ids name files and blobs, so
/// they are ASCII letters, digits and hyphens. New ones are the UTC time the run was accepted and 8 random hex digits
/// (<c>20260301T120000Z-1a2b3c4d</c>), so they sort by time.
/// </summary>
public sealed partial record RunId : CheckedText
{
    /// <summary>The one rule, as every refusal of a run id states it.</summary>
    public const string Rule = "A run id is 1 to 80 ASCII letters, digits and hyphens.";

    private RunId(string value)
        : base(value)
    {
    }

    /// <summary>A new run id at the current time of <paramref name="timeProvider"/>.</summary>
    public static RunId New(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new RunId(string.Concat(
            timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            "-",
            RandomNumberGenerator.GetHexString(8, lowercase: true)));
    }

    /// <summary>True when <paramref name="text"/> is a valid run id.</summary>
    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Pattern().IsMatch(text);

    /// <summary>Parses a run id; on failure <paramref name="error"/> is <see cref="Rule"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out RunId? runId, [NotNullWhen(false)] out string? error) =>
        TryCreate(text, IsValid, value => new RunId(value), Rule, out runId, out error);

    /// <summary>Parses a run id.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not a run id (the message is <see cref="Rule"/>).</exception>
    public static RunId Parse(string? text) =>
        TryParse(text, out var runId, out var error) ? runId : throw new ArgumentException(error, nameof(text));

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,80}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
