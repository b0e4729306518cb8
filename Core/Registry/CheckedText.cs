using System.Diagnostics.CodeAnalysis;

namespace ArchiveForecast.Core.Registry;

/// <summary>
/// Text that was checked against one rule where it entered and is trusted after (<see cref="ModelName"/>,
/// <see cref="RunId"/>, a dataset path): only the type's own parser creates one, and no <c>with</c> can change it.
/// </summary>
public abstract record CheckedText
{
    /// <summary>Wraps text the derived type has checked.</summary>
    protected CheckedText(string value) => Value = value;

    /// <summary>The checked text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public sealed override string ToString() => Value;

    /// <summary>The text (paths, logs, JSON).</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator string?(CheckedText? text) => text?.Value;

    /// <summary>The one shape of every parser: <paramref name="create"/> when <paramref name="isValid"/>, else the rule as the error.</summary>
    protected static bool TryCreate<T>(
        string? text, Func<string?, bool> isValid, Func<string, T> create, string rule, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error)
        where T : CheckedText
    {
        ArgumentNullException.ThrowIfNull(isValid);
        ArgumentNullException.ThrowIfNull(create);
        if (text is not null && isValid(text))
        {
            value = create(text);
            error = null;
            return true;
        }

        value = null;
        error = rule;
        return false;
    }
}
