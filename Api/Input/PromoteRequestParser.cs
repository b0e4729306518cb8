using System.Text.Json;

namespace ArchiveForecast.Api.Input;

/// <summary>Reads <c>{"version":N}</c> as strictly as a predict request.</summary>
public static class PromoteRequestParser
{
    private static readonly StrictObject Body = new(
        "such as {\"version\": 3}",
        "Unknown property; the body holds only version.",
        "version");

    /// <summary>Parses a promote body.</summary>
    public static ParseResult<PromoteRequest> Parse(ReadOnlySpan<byte> body) =>
        JsonInput.Parse<PromoteRequest>(body, ParseRoot);

    private static ParseResult<PromoteRequest> ParseRoot(ref Utf8JsonReader reader)
    {
        var errors = new ParseErrors();
        long version = 0;
        var seen = Body.Read(ref reader, errors, (ref Utf8JsonReader value, string _) =>
        {
            if (value.TokenType != JsonTokenType.Number)
            {
                errors.Shape("/version", JsonInput.WrongType("version", "a whole number", value.TokenType));
                JsonInput.Skip(ref value);
            }
            else if (!JsonInput.TryGetWholeNumber(ref value, long.MinValue, int.MaxValue, out version))
            {
                errors.Shape("/version", "version must be a whole number.");
            }
            else if (version < 1)
            {
                errors.Value("/version", "version must be 1 or more.");
            }
        });
        if (seen is null)
        {
            return errors.Result<PromoteRequest>(() => null!);
        }

        if (!seen.Contains("version"))
        {
            errors.Shape("/version", "version is required.");
        }

        return errors.Result(() => new PromoteRequest((int)version));
    }
}
