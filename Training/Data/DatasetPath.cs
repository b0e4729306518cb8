using System.Diagnostics.CodeAnalysis;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Training.Data;

/// <summary>
/// A dataset of the training-data store, checked once where it enters (a request body, a queue message, a setting) and
/// trusted after: a plain relative path only (segments of letters, digits, '-', '_', '.', no '..', no scheme, no escapes).
/// </summary>
public sealed record DatasetPath : CheckedText
{
    /// <summary>The longest dataset path accepted (a blob name allows 1024 characters).</summary>
    public const int MaxLength = 1024;

    /// <summary>The one rule, as every refusal of a dataset path states it.</summary>
    public const string Rule =
        "A dataset is a plain relative path inside the training data: segments of letters, digits, '-', '_' and '.', separated by '/' (no '..', no URL, no escapes).";

    private DatasetPath(string value)
        : base(value)
    {
    }

    /// <summary>True when <paramref name="path"/> is a plain relative path.</summary>
    public static bool IsValid([NotNullWhen(true)] string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxLength)
        {
            return false;
        }

        // Only '/' separates segments; anything that could be decoded, rooted or resolved elsewhere (backslash, '%',
        // ':', control characters, non-ASCII look-alikes) is outside the allowed set and fails here.
        foreach (char c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
            {
                return false;
            }
        }

        foreach (var segment in path.Split('/'))
        {
            // A segment of dots only ('.', '..', and '...', which Windows folds to '..') could climb out of the root.
            if (segment.AsSpan().TrimStart('.').IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a dataset path; on failure <paramref name="error"/> is <see cref="Rule"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DatasetPath? path, [NotNullWhen(false)] out string? error) =>
        TryCreate(text, IsValid, value => new DatasetPath(value), Rule, out path, out error);

    /// <summary>Parses a dataset path.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not a plain relative path (the message is <see cref="Rule"/>).</exception>
    public static DatasetPath Parse(string? text) =>
        TryParse(text, out var path, out var error) ? path : throw new ArgumentException(error, nameof(text));
}
