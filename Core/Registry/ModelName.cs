using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// A model name, checked once where it enters (a route, a request body, a queue message, a command line) and trusted
/// after. Model names are path segments of the store, so they are restricted to lower-case letters, digits and inner
/// hyphens: no separators, dots or escapes can reach a path (no traversal, no URL injection).
/// </summary>
public sealed partial record ModelName : CheckedText
{
    /// <summary>The model served when a route does not name one.</summary>
    public const string Default = "archive-forecast";

    /// <summary>The one rule, as every refusal of a model name states it.</summary>
    public const string Rule = "A model name is 1 to 63 lower-case letters, digits and inner hyphens.";

    private ModelName(string value)
        : base(value)
    {
    }

    /// <summary>True when <paramref name="text"/> is a valid model name.</summary>
    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Pattern().IsMatch(text);

    /// <summary>Parses a model name; on failure <paramref name="error"/> is <see cref="Rule"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ModelName? name, [NotNullWhen(false)] out string? error) =>
        TryCreate(text, IsValid, value => new ModelName(value), Rule, out name, out error);

    /// <summary>Parses a model name.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not a model name (the message is <see cref="Rule"/>).</exception>
    public static ModelName Parse(string? text) =>
        TryParse(text, out var name, out var error) ? name : throw new ArgumentException(error, nameof(text));

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
