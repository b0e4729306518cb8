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
    private static readonly StrictObject Body = new(
        "with model and dataset",
        "Unknown property; the body holds model, dataset and create.",
        "model", "dataset", "create");

    /// <summary>Parses a retrain body.</summary>
    public static ParseResult<RetrainBody> Parse(ReadOnlySpan<byte> body) =>
        JsonInput.Parse<RetrainBody>(body, ParseRoot);

    private static ParseResult<RetrainBody> ParseRoot(ref Utf8JsonReader reader)
    {
        var errors = new ParseErrors();
        ModelName? model = null;
        DatasetPath? dataset = null;
        bool create = false;
        Body.Read(ref reader, errors, (ref Utf8JsonReader value, string name) =>
        {
            switch (name)
            {
                case "create" when value.TokenType is JsonTokenType.True or JsonTokenType.False:
                    create = value.TokenType == JsonTokenType.True;
                    break;
                case "create":
                    errors.Shape("/create", JsonInput.WrongType("create", "true or false", value.TokenType));
                    JsonInput.Skip(ref value);
                    break;
                case "model":
                    if (StrictObject.String(ref value, errors, name, "a model name") is { } text
                        && !ModelName.TryParse(text, out model, out var modelError))
                    {
                        errors.Value("/model", modelError);
                    }

                    break;
                default:
                    if (StrictObject.String(ref value, errors, name, "a path in the training-data store (leave it out for the default dataset)") is { } path
                        && !DatasetPath.TryParse(path, out dataset, out var datasetError))
                    {
                        errors.Value("/dataset", datasetError);
                    }

                    break;
            }
        });

        // A body that is not an object has its error already, and a result with an error never builds the value.
        return errors.Result(() => new RetrainBody(model, dataset, create));
    }
}
