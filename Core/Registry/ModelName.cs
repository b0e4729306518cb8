using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// Model names are path segments of the store, so they are restricted to lower-case letters, digits and inner hyphens:
/// no separators, dots or escapes can reach a path (no traversal, no URL injection).
/// </summary>
public static partial class ModelName
{
    /// <summary>The model served when a route does not name one.</summary>
    public const string Default = "archive-forecast";

    /// <summary>True when <paramref name="name"/> is a valid model name.</summary>
    public static bool IsValid([NotNullWhen(true)] string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
