using System.Text.Json;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Api.Input;

/// <summary>The pieces every strict body parser shares: reader options, skipping with a depth check, number rules, pointers.</summary>
internal static class JsonInput
{
    // The reader's own limit is only a backstop: the parsers check RequestLimits.MaxDepth themselves so that too deep a
    // body gets its own message instead of a generic syntax error.
    private const int ReaderDepthBackstop = 64;

    // Integers above 2^53 cannot all be told apart once read as a double, so an integral value beyond it is refused.
    private const double MaxExactInteger = 9_007_199_254_740_992d;

    public static JsonReaderOptions ReaderOptions { get; } = new()
    {
        MaxDepth = ReaderDepthBackstop,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Parses a whole body; syntax errors and too deep nesting become a malformed result.</summary>
    public static ParseResult<T> Parse<T>(ReadOnlySpan<byte> body, ParseBody<T> parse)
        where T : class
    {
        if (IsBlank(body))
        {
            return ParseResults.NotJson<T>("The body is empty; send a JSON object.");
        }

        // Before parsing: the reader accepts strings that are not valid text and only fails when one is decoded.
        if (JsonTextCheck.Find(body) is { } invalid)
        {
            return invalid.Pointer is null
                ? ParseResults.NotJson<T>(invalid.Detail)
                : ParseResults.InvalidText<T>(new Problems.ProblemError(invalid.Pointer, invalid.Detail));
        }

        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            var result = parse(ref reader);

            // Reading past the top-level value makes the reader reject anything after it.
            while (reader.Read())
            {
            }

            return result;
        }
        catch (NestingTooDeepException exception)
        {
            return ParseResults.NotJson<T>(exception.Message);
        }
        catch (JsonException exception)
        {
            return ParseResults.NotJson<T>(
                $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}). " +
                "Comments, trailing commas and anything after the top-level object are not accepted.");
        }
    }

    /// <summary>Checks that a value about to be read does not open a container deeper than the limit.</summary>
    public static void CheckDepth(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
            && reader.CurrentDepth >= RequestLimits.MaxDepth)
        {
            throw new NestingTooDeepException();
        }
    }

    /// <summary>Skips the value at the current token, checking the nesting of everything inside it.</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        CheckDepth(ref reader);
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        int depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            CheckDepth(ref reader);
        }
    }

    /// <summary>Reads the next token (the value after a property name) and checks its depth.</summary>
    public static void ReadValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        CheckDepth(ref reader);
    }

    /// <summary>What a token is, for messages.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "not a value",
    };

    /// <summary>
    /// Reads a whole number. Integral values written as decimals (<c>120000.0</c>, <c>1.2e5</c>) are accepted; values
    /// with a fraction or out of range are not.
    /// </summary>
    public static bool TryGetWholeNumber(ref Utf8JsonReader reader, long min, long max, out long value)
    {
        if (reader.TryGetInt64(out value))
        {
            return value >= min && value <= max;
        }

        if (reader.TryGetDouble(out double number) && double.IsFinite(number) && Math.Floor(number) == number
            && Math.Abs(number) <= MaxExactInteger && number >= min && number <= max)
        {
            value = (long)number;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads a finite number; <c>1e400</c> reads as infinity in .NET and is refused here.</summary>
    public static bool TryGetFiniteNumber(ref Utf8JsonReader reader, out double value) =>
        reader.TryGetDouble(out value) && double.IsFinite(value);

    /// <summary>A JSON pointer segment (RFC 6901): <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string segment) =>
        segment.Contains('~', StringComparison.Ordinal) || segment.Contains('/', StringComparison.Ordinal)
            ? segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : segment;

    /// <summary>The message for a value of the wrong JSON type.</summary>
    public static string WrongType(string field, string expected, JsonTokenType actual) =>
        actual == JsonTokenType.Null
            ? $"{field} must not be null; it must be {expected}."
            : $"{field} must be {expected}, not {Describe(actual)}.";

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (byte b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A parser of one top-level JSON value, starting before its first token.</summary>
internal delegate ParseResult<T> ParseBody<T>(ref Utf8JsonReader reader)
    where T : class;
