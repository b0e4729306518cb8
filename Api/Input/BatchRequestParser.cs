using System.Text.Json;
using ArchiveForecast.Training.Batch;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Api.Input;

/// <summary>
/// Reads <c>{"dataset":"path","output":"name"}</c> strictly: <c>dataset</c> is required and follows the path rules of
/// retraining (a plain relative path of the data store); <c>output</c> is optional and must be a plain relative name
/// (<see cref="OutputPath.IsValidName"/>). Anything else is refused.
/// </summary>
public static class BatchRequestParser
{
    /// <summary>Parses a batch body.</summary>
    public static ParseResult<BatchBody> Parse(ReadOnlySpan<byte> body) =>
        JsonInput.Parse<BatchBody>(body, ParseRoot);

    private static ParseResult<BatchBody> ParseRoot(ref Utf8JsonReader reader)
    {
        var errors = new ParseErrors();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Shape(string.Empty, $"The body must be a JSON object with dataset (and optionally output), not {JsonInput.Describe(reader.TokenType)}.");
            JsonInput.Skip(ref reader);
            return errors.Result<BatchBody>(() => null!);
        }

        DatasetPath? dataset = null;
        string? output = null;
        bool seenDataset = false;
        bool seenOutput = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isDataset = reader.ValueTextEquals("dataset"u8);
            if (!isDataset && !reader.ValueTextEquals("output"u8))
            {
                errors.Shape("/" + JsonInput.Escape(reader.GetString() ?? string.Empty), "Unknown property; the body holds dataset and output.");
                JsonInput.ReadValue(ref reader);
                JsonInput.Skip(ref reader);
                continue;
            }

            string field = isDataset ? "dataset" : "output";
            JsonInput.ReadValue(ref reader);
            ref bool seen = ref isDataset ? ref seenDataset : ref seenOutput;
            if (seen)
            {
                errors.Shape("/" + field, $"{field} appears more than once.");
                JsonInput.Skip(ref reader);
                continue;
            }

            seen = true;
            if (reader.TokenType != JsonTokenType.String)
            {
                string expected = isDataset ? "a path of a CSV in the data store" : "a name for the output (leave it out for the run id)";
                errors.Shape("/" + field, JsonInput.WrongType(field, expected, reader.TokenType));
                JsonInput.Skip(ref reader);
                continue;
            }

            string value = reader.GetString()!;
            if (isDataset)
            {
                if (!DatasetPath.TryParse(value, out dataset, out var error))
                {
                    errors.Value("/dataset", error);
                }
            }
            else if (OutputPath.IsValidName(value))
            {
                output = value;
            }
            else
            {
                errors.Value("/output", $"output must be a plain relative name of at most {OutputPath.MaxNameLength} characters. {DatasetPath.Rule}");
            }
        }

        if (!seenDataset)
        {
            errors.Shape("/dataset", "dataset is required: the path of a CSV in the data store.");
        }

        return errors.Result(() => new BatchBody(dataset!, output));
    }
}
