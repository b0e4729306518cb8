using System.Globalization;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Security;

/// <summary>
/// Fails the start of the Kestrel host with the setting's name when a key is empty, short or padded, or when there is
/// no key at all and anonymous access was not asked for explicitly.
/// </summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        CheckKeys(options.FunctionKeys, nameof(AuthOptions.FunctionKeys), failures);
        CheckKeys(options.AdminKeys, nameof(AuthOptions.AdminKeys), failures);
        if (options.FunctionKeys.Count == 0 && options.AdminKeys.Count == 0 && !options.AllowAnonymous)
        {
            failures.Add(
                "No API key is configured: set Auth:FunctionKeys and Auth:AdminKeys (environment variables " +
                "Auth__FunctionKeys__0 and Auth__AdminKeys__0), or start with --allow-anonymous (Auth:AllowAnonymous=true) " +
                "to serve every route without a key.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKeys(List<string> keys, string property, List<string> failures)
    {
        for (int i = 0; i < keys.Count; i++)
        {
            string setting = string.Create(CultureInfo.InvariantCulture, $"{AuthOptions.SectionName}:{property}:{i}");
            string key = keys[i] ?? string.Empty;
            if (key.Length < AuthOptions.MinimumKeyLength)
            {
                failures.Add($"{setting} must be at least {AuthOptions.MinimumKeyLength} characters long.");
            }
            else if (key.Any(char.IsWhiteSpace) || key.Any(char.IsControl))
            {
                failures.Add($"{setting} must not contain white space or control characters.");
            }
        }
    }
}
