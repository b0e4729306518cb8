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
    private static readonly StrictObject Body = new(
        "with dataset (and optionally output)",
        "Unknown property; the body holds dataset and output.",
        "dataset", "output");

    /// <summary>Parses a batch body.</summary>
    public static ParseResult<BatchBody> Parse(ReadOnlySpan<byte> body) =>
        JsonInput.Parse<BatchBody>(body, ParseRoot);

    private static ParseResult<BatchBody> ParseRoot(ref Utf8JsonReader reader)
    {
        var errors = new ParseErrors();
        DatasetPath? dataset = null;
        string? output = null;
        var seen = Body.Read(ref reader, errors, (ref Utf8JsonReader value, string name) =>
        {
            if (name == "dataset")
            {
                if (StrictObject.String(ref value, errors, name, "a path of a CSV in the data store") is { } path
                    && !DatasetPath.TryParse(path, out dataset, out var error))
                {
                    errors.Value("/dataset", error);
                }
            }
            else if (StrictObject.String(ref value, errors, name, "a name for the output (leave it out for the run id)") is { } text)
            {
                if (OutputPath.IsValidName(text))
                {
                    output = text;
                }
                else
                {
                    errors.Value("/output", $"output must be a plain relative name of at most {OutputPath.MaxNameLength} characters. {DatasetPath.Rule}");
                }
            }
        });
        if (seen is null)
        {
            return errors.Result<BatchBody>(() => null!);
        }

        if (!seen.Contains("dataset"))
        {
            errors.Shape("/dataset", "dataset is required: the path of a CSV in the data store.");
        }

        return errors.Result(() => new BatchBody(dataset!, output));
    }
}
