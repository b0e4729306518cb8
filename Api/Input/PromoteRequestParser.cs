using System.Text.Json;

namespace ArchiveForecast.Api.Input;

/// <summary>Reads <c>{"version":N}</c> as strictly as a predict request.</summary>
public static class PromoteRequestParser
{
    /// <summary>Parses a promote body.</summary>
    public static ParseResult<PromoteRequest> Parse(ReadOnlySpan<byte> body) =>
        JsonInput.Parse<PromoteRequest>(body, ParseRoot);

    private static ParseResult<PromoteRequest> ParseRoot(ref Utf8JsonReader reader)
    {
        var errors = new ParseErrors();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Shape(string.Empty, $"The body must be a JSON object such as {{\"version\": 3}}, not {JsonInput.Describe(reader.TokenType)}.");
            JsonInput.Skip(ref reader);
            return errors.Result<PromoteRequest>(() => null!);
        }

        bool seen = false;
        long version = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("version"u8))
            {
                errors.Shape("/" + JsonInput.Escape(reader.GetString() ?? string.Empty), "Unknown property; the body holds only version.");
                JsonInput.ReadValue(ref reader);
                JsonInput.Skip(ref reader);
                continue;
            }

            JsonInput.ReadValue(ref reader);
            if (seen)
            {
                errors.Shape("/version", "version appears more than once.");
                JsonInput.Skip(ref reader);
                continue;
            }

            seen = true;
            if (reader.TokenType != JsonTokenType.Number)
            {
                errors.Shape("/version", JsonInput.WrongType("version", "a whole number", reader.TokenType));
                JsonInput.Skip(ref reader);
            }
            else if (!JsonInput.TryGetWholeNumber(ref reader, long.MinValue, int.MaxValue, out version))
            {
                errors.Shape("/version", "version must be a whole number.");
            }
            else if (version < 1)
            {
                errors.Value("/version", "version must be 1 or more.");
            }
        }

        if (!seen)
        {
            errors.Shape("/version", "version is required.");
        }

        return errors.Result(() => new PromoteRequest((int)version));
    }
}
