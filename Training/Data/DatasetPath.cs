using System.Diagnostics.CodeAnalysis;

namespace ArchiveForecast.Training.Data;

/// <summary>Dataset paths name a file inside the training-data store: plain relative paths only.</summary>
public static class DatasetPath
{
    /// <summary>The longest dataset path accepted (a blob name allows 1024 characters).</summary>
    public const int MaxLength = 1024;

    /// <summary>True when <paramref name="path"/> is a plain relative path (segments of letters, digits, '-', '_', '.', no '..', no scheme, no escapes).</summary>
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
}
