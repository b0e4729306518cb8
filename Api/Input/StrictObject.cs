using System.Text.Json;

namespace ArchiveForecast.Api.Input;

/// <summary>
/// The frame of a body made of a few named properties (retrain, batch, promote): it must be an object, a property not
/// named or given twice is a shape error, and each named property's value is read once, by the parser.
/// </summary>
/// <param name="shape">What the body must be, completing "The body must be a JSON object …".</param>
/// <param name="unknown">The message for a property not among <paramref name="properties"/>.</param>
/// <param name="properties">The property names the body may hold.</param>
internal sealed class StrictObject(string shape, string unknown, params string[] properties)
{
    /// <summary>Reads the object, handing each named property's value to <paramref name="readValue"/>.</summary>
    /// <param name="reader">The reader, before the body's first token.</param>
    /// <param name="errors">Where errors go.</param>
    /// <param name="readValue">Reads one value, the reader on its first token, and leaves the reader at its end.</param>
    /// <returns>The properties seen, or null when the body is not an object.</returns>
    public HashSet<string>? Read(ref Utf8JsonReader reader, ParseErrors errors, ReadPropertyValue readValue)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Shape(string.Empty, $"The body must be a JSON object {shape}, not {JsonInput.Describe(reader.TokenType)}.");
            JsonInput.Skip(ref reader);
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? string.Empty;
            JsonInput.ReadValue(ref reader);
            if (!properties.Contains(name, StringComparer.Ordinal))
            {
                errors.Shape("/" + JsonInput.Escape(name), unknown);
                JsonInput.Skip(ref reader);
            }
            else if (!seen.Add(name))
            {
                errors.Shape("/" + name, $"{name} appears more than once.");
                JsonInput.Skip(ref reader);
            }
            else
            {
                readValue(ref reader, name);
            }
        }

        return seen;
    }

    /// <summary>Reads a string value, or records that <paramref name="name"/> must be <paramref name="expected"/> and returns null.</summary>
    public static string? String(ref Utf8JsonReader reader, ParseErrors errors, string name, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            errors.Shape("/" + name, JsonInput.WrongType(name, expected, reader.TokenType));
            JsonInput.Skip(ref reader);
            return null;
        }

        return reader.GetString();
    }
}

/// <summary>Reads the value of property <paramref name="name"/>, starting on its first token.</summary>
internal delegate void ReadPropertyValue(ref Utf8JsonReader reader, string name);
