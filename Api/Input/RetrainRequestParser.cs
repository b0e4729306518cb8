using System.Text.Json;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Api.Input;

/// <summary>
/// Reads <c>{"model":"name","dataset":"path","create":true}</c> strictly. Every property is optional here: the model
/// defaults to the service's default model and the dataset to the configured default (the handler refuses a missing
/// dataset when there is none). The model name must be a valid name; the dataset a plain relative path of the
/// training-data store; <c>create</c> a boolean.
/// </summary>
public static class RetrainRequestParser
{
    /// <summary>Parses a retrain body.</summary>
    public static ParseResult<RetrainBody> Parse(ReadOnlySpan<byte> body) =>
        JsonInput.Parse<RetrainBody>(body, ParseRoot);

    private static ParseResult<RetrainBody> ParseRoot(ref Utf8JsonReader reader)
    {
        var errors = new ParseErrors();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Shape(string.Empty, $"The body must be a JSON object with model and dataset, not {JsonInput.Describe(reader.TokenType)}.");
            JsonInput.Skip(ref reader);
            return errors.Result<RetrainBody>(() => null!);
        }

        ModelName? model = null;
        DatasetPath? dataset = null;
        bool create = false;
        bool seenModel = false;
        bool seenDataset = false;
        bool seenCreate = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("create"u8))
            {
                JsonInput.ReadValue(ref reader);
                if (seenCreate)
                {
                    errors.Shape("/create", "create appears more than once.");
                }
                else if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    create = reader.TokenType == JsonTokenType.True;
                }
                else
                {
                    errors.Shape("/create", JsonInput.WrongType("create", "true or false", reader.TokenType));
                }

                seenCreate = true;
                JsonInput.Skip(ref reader);
                continue;
            }

            bool isModel = reader.ValueTextEquals("model"u8);
            if (!isModel && !reader.ValueTextEquals("dataset"u8))
            {
                errors.Shape("/" + JsonInput.Escape(reader.GetString() ?? string.Empty), "Unknown property; the body holds model, dataset and create.");
                JsonInput.ReadValue(ref reader);
                JsonInput.Skip(ref reader);
                continue;
            }

            string field = isModel ? "model" : "dataset";
            JsonInput.ReadValue(ref reader);
            ref bool seen = ref isModel ? ref seenModel : ref seenDataset;
            if (seen)
            {
                errors.Shape("/" + field, $"{field} appears more than once.");
                JsonInput.Skip(ref reader);
                continue;
            }

            seen = true;
            if (reader.TokenType != JsonTokenType.String)
            {
                string expected = isModel ? "a model name" : "a path in the training-data store (leave it out for the default dataset)";
                errors.Shape("/" + field, JsonInput.WrongType(field, expected, reader.TokenType));
                JsonInput.Skip(ref reader);
                continue;
            }

            string value = reader.GetString()!;
            if (isModel)
            {
                if (!ModelName.TryParse(value, out model, out var error))
                {
                    errors.Value("/model", error);
                }
            }
            else if (!DatasetPath.TryParse(value, out dataset, out var error))
            {
                errors.Value("/dataset", error);
            }
        }

        return errors.Result(() => new RetrainBody(model, dataset, create));
    }
}
