using System.CommandLine;
using System.CommandLine.Parsing;

namespace ArchiveForecast.Cli.Commands;

/// <summary>Range checks of numeric options, reported as parse errors (exit code 2).</summary>
internal static class OptionRules
{
    public static Option<T> InRange<T>(this Option<T> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (TryGetInt(result, out int value) && (value < min || value > max))
            {
                result.AddError($"{option.Name} must be between {min} and {max}.");
            }
        });
        return option;
    }

    // A value that did not convert has its own parse error already; reading it again would throw.
    private static bool TryGetInt(OptionResult result, out int value)
    {
        value = 0;
        return result.Tokens.Count > 0
            && int.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
