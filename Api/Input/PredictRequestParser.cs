using System.Globalization;
using System.Text.Json;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Api.Input;

/// <summary>
/// Reads <c>{"instances":[Instance,...]}</c> strictly with <see cref="Utf8JsonReader"/>: every unknown, duplicate,
/// missing, null or wrongly typed property is an error with its JSON pointer, and so is every broken value rule. The
/// one instance reader: the API reads request bodies with it, and the CLI's <c>predict</c> reads JSON files.
/// </summary>
public static class PredictRequestParser
{
    private const string InstancesField = "instances";
    private const int FieldCount = 7;
    private static readonly DateOnly PlaceholderMonth = new(2000, 1, 1);

    /// <summary>Parses a predict request body of at most <see cref="RequestLimits.MaxInstances"/> instances.</summary>
    public static ParseResult<IReadOnlyList<ForecastInput>> Parse(ReadOnlySpan<byte> body) => Parse(body, RequestLimits.MaxInstances);

    /// <summary>Parses <c>{"instances":[...]}</c> of at most <paramref name="maxInstances"/> instances.</summary>
    public static ParseResult<IReadOnlyList<ForecastInput>> Parse(ReadOnlySpan<byte> body, int maxInstances) =>
        JsonInput.Parse(body, (ref Utf8JsonReader reader) => ParseRoot(ref reader, maxInstances));

    private static ParseResult<IReadOnlyList<ForecastInput>> ParseRoot(ref Utf8JsonReader reader, int maxInstances)
    {
        var errors = new ParseErrors();
        var inputs = new List<ForecastInput>();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Shape(string.Empty, $"The body must be a JSON object with an instances array, not {JsonInput.Describe(reader.TokenType)}.");
            JsonInput.Skip(ref reader);
            return errors.Result<IReadOnlyList<ForecastInput>>(() => inputs);
        }

        bool seenInstances = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("instances"u8))
            {
                JsonInput.ReadValue(ref reader);
                if (seenInstances)
                {
                    errors.Shape("/instances", "instances appears more than once.");
                    JsonInput.Skip(ref reader);
                    continue;
                }

                seenInstances = true;
                ParseInstances(ref reader, errors, inputs, maxInstances);
            }
            else
            {
                string name = reader.GetString() ?? string.Empty;
                errors.Shape("/" + JsonInput.Escape(name), "Unknown property; the body holds only instances.");
                JsonInput.ReadValue(ref reader);
                JsonInput.Skip(ref reader);
            }
        }

        if (!seenInstances)
        {
            errors.Shape("/instances", $"instances is required: an array of {Count(maxInstances)} instances.");
        }

        return errors.Result<IReadOnlyList<ForecastInput>>(() => inputs);
    }

    private static void ParseInstances(ref Utf8JsonReader reader, ParseErrors errors, List<ForecastInput> inputs, int maxInstances)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Shape("/instances", JsonInput.WrongType(InstancesField, "an array of instances", reader.TokenType));
            JsonInput.Skip(ref reader);
            return;
        }

        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            JsonInput.CheckDepth(ref reader);
            int index = count++;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Shape(Pointer(index), $"Each instance must be an object, not {JsonInput.Describe(reader.TokenType)}.");
                JsonInput.Skip(ref reader);
                continue;
            }

            if (ParseInstance(ref reader, index, errors) is { } input)
            {
                inputs.Add(input);
            }
        }

        if (count < RequestLimits.MinInstances || count > maxInstances)
        {
            errors.Value("/instances", string.Create(CultureInfo.InvariantCulture, $"instances must hold {Count(maxInstances)} items; it holds {count}."));
        }
    }

    private static string Count(int maxInstances) =>
        maxInstances == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"at least {RequestLimits.MinInstances}")
            : string.Create(CultureInfo.InvariantCulture, $"{RequestLimits.MinInstances} to {maxInstances}");

    private static ForecastInput? ParseInstance(ref Utf8JsonReader reader, int index, ParseErrors errors)
    {
        // Per field: present (seen once), broken (present but unusable). Missing and broken fields are replaced by
        // neutral values so that the value rules of the other fields are still checked and reported.
        Span<bool> present = stackalloc bool[FieldCount];
        Span<bool> broken = stackalloc bool[FieldCount];
        Span<double> numbers = stackalloc double[FieldCount];
        var month = PlaceholderMonth;
        long totalFiles = 0;
        bool valueErrors = false;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = FieldIndex(ref reader);
            if (field < 0)
            {
                string name = reader.GetString() ?? string.Empty;
                errors.Shape(Pointer(index, JsonInput.Escape(name)), "Unknown property of an instance.");
                JsonInput.ReadValue(ref reader);
                JsonInput.Skip(ref reader);
                continue;
            }

            string fieldName = FieldNames.Inputs[field];
            JsonInput.ReadValue(ref reader);
            if (present[field])
            {
                errors.Shape(Pointer(index, fieldName), $"{fieldName} appears more than once.");
                broken[field] = true;
                JsonInput.Skip(ref reader);
                continue;
            }

            present[field] = true;
            if (field == 0)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    errors.Shape(Pointer(index, fieldName), JsonInput.WrongType(fieldName, "a string in the form YYYY-MM-01", reader.TokenType));
                    broken[field] = true;
                    JsonInput.Skip(ref reader);
                }
                else if (!MonthFormat.TryParse(reader.GetString(), out month, out string monthError))
                {
                    errors.Value(Pointer(index, fieldName), monthError);
                    broken[field] = true;
                    valueErrors = true;
                    month = PlaceholderMonth;
                }
            }
            else if (reader.TokenType != JsonTokenType.Number)
            {
                errors.Shape(Pointer(index, fieldName), JsonInput.WrongType(fieldName, field == 1 ? "a whole number" : "a number", reader.TokenType));
                broken[field] = true;
                JsonInput.Skip(ref reader);
            }
            else if (field == 1)
            {
                if (!JsonInput.TryGetWholeNumber(ref reader, long.MinValue, long.MaxValue, out totalFiles))
                {
                    errors.Shape(Pointer(index, fieldName), $"{fieldName} must be a whole number.");
                    broken[field] = true;
                    totalFiles = 0;
                }
            }
            else if (!JsonInput.TryGetFiniteNumber(ref reader, out numbers[field]))
            {
                errors.Shape(Pointer(index, fieldName), $"{fieldName} must be a finite number.");
                broken[field] = true;
                numbers[field] = 0;
            }
        }

        for (int field = 0; field < FieldCount; field++)
        {
            if (!present[field])
            {
                errors.Shape(Pointer(index, FieldNames.Inputs[field]), $"{FieldNames.Inputs[field]} is required.");
                broken[field] = true;
            }
        }

        var input = new ForecastInput(month, totalFiles, numbers[2], numbers[3], numbers[4], numbers[5], numbers[6]);
        bool sharesUsable = !broken[3] && !broken[4] && !broken[5];
        foreach (var error in InstanceRules.Validate(input))
        {
            int field = error.Field.Length == 0 ? -1 : IndexOf(error.Field);
            if (field >= 0 ? broken[field] : !sharesUsable)
            {
                continue;
            }

            errors.Value(field >= 0 ? Pointer(index, error.Field) : Pointer(index), error.Detail);
            valueErrors = true;
        }

        return valueErrors || broken.Contains(true) ? null : input;
    }

    private static int FieldIndex(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("month"u8) ? 0
        : reader.ValueTextEquals("total_files"u8) ? 1
        : reader.ValueTextEquals("avg_file_size_mb"u8) ? 2
        : reader.ValueTextEquals("pct_pdf"u8) ? 3
        : reader.ValueTextEquals("pct_docx"u8) ? 4
        : reader.ValueTextEquals("pct_xlsx"u8) ? 5
        : reader.ValueTextEquals("archive_frequency_per_day"u8) ? 6
        : -1;

    private static int IndexOf(string field)
    {
        for (int i = 0; i < FieldCount; i++)
        {
            if (FieldNames.Inputs[i] == field)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Pointer(int index) => string.Create(CultureInfo.InvariantCulture, $"/instances/{index}");

    private static string Pointer(int index, string escapedField) =>
        string.Create(CultureInfo.InvariantCulture, $"/instances/{index}/{escapedField}");
}
