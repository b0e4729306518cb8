using System.Text.Json;
using ArchiveForecast.Core.Releases;

namespace ArchiveForecast.Api.Input;

/// <summary>Reads a release start body as strictly as a predict request: every error at once, with JSON pointers.</summary>
public static class ReleaseRequestParser
{
    private const string Example = "{\"version\": 4, \"fraction\": 0.1, \"mode\": \"split\"}";

    /// <summary>Parses a release start body.</summary>
    public static ParseResult<ReleaseRequest> Parse(ReadOnlySpan<byte> body) =>
        JsonInput.Parse<ReleaseRequest>(body, ParseRoot);

    private static ParseResult<ReleaseRequest> ParseRoot(ref Utf8JsonReader reader)
    {
        var errors = new ParseErrors();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Shape(string.Empty, $"The body must be a JSON object such as {Example}, not {JsonInput.Describe(reader.TokenType)}.");
            JsonInput.Skip(ref reader);
            return errors.Result<ReleaseRequest>(() => null!);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        long version = 0;
        double fraction = 0;
        var mode = ReleaseMode.Split;
        long? minRequests = null;
        double? errorRate = null, latencyRatio = null, divergence = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? string.Empty;
            string pointer = "/" + JsonInput.Escape(name);
            JsonInput.ReadValue(ref reader);
            if (!seen.Add(name))
            {
                errors.Shape(pointer, $"{name} appears more than once.");
                JsonInput.Skip(ref reader);
                continue;
            }

            switch (name)
            {
                case "version":
                    version = Whole(ref reader, errors, name, 1, int.MaxValue) ?? 0;
                    break;
                case "fraction":
                    fraction = Number(ref reader, errors, name) is double f && Check(errors, name, ReleaseStart.IsValidFraction(f), "fraction must be above 0 and at most 1.") ? f : 0;
                    break;
                case "mode":
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        errors.Shape(pointer, JsonInput.WrongType(name, "\"split\" or \"shadow\"", reader.TokenType));
                        JsonInput.Skip(ref reader);
                    }
                    else if (reader.ValueTextEquals("split"u8))
                    {
                        mode = ReleaseMode.Split;
                    }
                    else if (reader.ValueTextEquals("shadow"u8))
                    {
                        mode = ReleaseMode.Shadow;
                    }
                    else
                    {
                        errors.Value(pointer, "mode must be \"split\" or \"shadow\".");
                    }

                    break;
                case "min_requests":
                    minRequests = Whole(ref reader, errors, name, 1, 10_000_000);
                    break;
                case "max_error_rate_increase":
                    errorRate = Ranged(ref reader, errors, name, 0, 1);
                    break;
                case "max_latency_ratio":
                    latencyRatio = Ranged(ref reader, errors, name, 1, 1000);
                    break;
                case "max_divergence":
                    divergence = Ranged(ref reader, errors, name, 0, 100);
                    break;
                default:
                    errors.Shape(pointer, "Unknown property; the body holds version, fraction, mode, min_requests, max_error_rate_increase, max_latency_ratio and max_divergence.");
                    JsonInput.Skip(ref reader);
                    break;
            }
        }

        if (!seen.Contains("version"))
        {
            errors.Shape("/version", "version is required.");
        }

        if (!seen.Contains("fraction"))
        {
            errors.Shape("/fraction", "fraction is required.");
        }

        return errors.Result(() => new ReleaseRequest((int)version, fraction, mode, (int?)minRequests, errorRate, latencyRatio, divergence));
    }

    private static long? Whole(ref Utf8JsonReader reader, ParseErrors errors, string name, long min, long max)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            errors.Shape("/" + name, JsonInput.WrongType(name, "a whole number", reader.TokenType));
            JsonInput.Skip(ref reader);
            return null;
        }

        if (!JsonInput.TryGetWholeNumber(ref reader, long.MinValue, long.MaxValue, out long value))
        {
            errors.Shape("/" + name, $"{name} must be a whole number.");
            return null;
        }

        if (value < min || value > max)
        {
            errors.Value("/" + name, FormattableString.Invariant($"{name} must be from {min} to {max}."));
            return null;
        }

        return value;
    }

    private static double? Number(ref Utf8JsonReader reader, ParseErrors errors, string name)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            errors.Shape("/" + name, JsonInput.WrongType(name, "a number", reader.TokenType));
            JsonInput.Skip(ref reader);
            return null;
        }

        if (!JsonInput.TryGetFiniteNumber(ref reader, out double value))
        {
            errors.Value("/" + name, $"{name} must be a finite number.");
            return null;
        }

        return value;
    }

    private static double? Ranged(ref Utf8JsonReader reader, ParseErrors errors, string name, double min, double max) =>
        Number(ref reader, errors, name) is double value
        && Check(errors, name, value >= min && value <= max, FormattableString.Invariant($"{name} must be from {min} to {max}."))
            ? value
            : null;

    private static bool Check(ParseErrors errors, string name, bool ok, string detail)
    {
        if (!ok)
        {
            errors.Value("/" + name, detail);
        }

        return ok;
    }
}
