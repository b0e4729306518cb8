using System.Text.Json;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Cli.Scoring;

/// <summary>
/// Reads <c>{"instances":[Instance,...]}</c> as the HTTP API does: strictly (no unknown or duplicate properties, no
/// comments or trailing commas, numbers as numbers, whole numbers for counts, depth at most 16), every problem reported
/// by JSON pointer.
/// </summary>
internal static class InstanceJsonReader
{
    private const string InstancesProperty = "instances";

    public static async Task<ScoringInput> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, cancellationToken);
        var json = new ReadOnlyMemory<byte>(bytes.GetBuffer(), 0, (int)bytes.Length);

        // JsonDocument keeps strings that are not valid text and only fails when one is read; refuse them first.
        if (JsonTextCheck.Find(json.Span) is { } invalid)
        {
            return Failed(new InputProblem(null, invalid.Pointer ?? string.Empty, invalid.Detail.TrimEnd('.')));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                json,
                new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return Failed(new InputProblem(null, string.Empty, $"not valid JSON: {ex.Message}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed(new InputProblem(null, string.Empty, "the document must be an object: {\"instances\": [...]}"));
            }

            var problems = new ProblemList();
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name != InstancesProperty)
                {
                    problems.Add(new InputProblem(null, $"/{Escape(property.Name)}", $"unknown property '{property.Name}'"));
                }
            }

            if (!root.TryGetProperty(InstancesProperty, out var instances) || instances.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new InputProblem(null, "/instances", "instances is required and must be an array of instances"));
                return new ScoringInput([], null, null, problems.Kept, problems.Count);
            }

            var inputs = new List<ForecastInput>(instances.GetArrayLength());
            int index = 0;
            foreach (var item in instances.EnumerateArray())
            {
                if (ReadInstance(item, $"/instances/{index}", problems) is { } input)
                {
                    inputs.Add(input);
                }

                index++;
            }

            if (index == 0)
            {
                problems.Add(new InputProblem(null, "/instances", "instances must hold at least one instance"));
            }

            return new ScoringInput(inputs, null, null, problems.Kept, problems.Count);
        }
    }

    private static ForecastInput? ReadInstance(JsonElement item, string pointer, ProblemList problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputProblem(null, pointer, "an instance must be an object"));
            return null;
        }

        foreach (var property in item.EnumerateObject())
        {
            if (!FieldNames.Inputs.Contains(property.Name))
            {
                problems.Add(new InputProblem(null, $"{pointer}/{Escape(property.Name)}", $"unknown property '{property.Name}'"));
            }
        }

        int before = problems.Count;
        var month = default(DateOnly);
        if (Field(item, FieldNames.Month, pointer, problems) is { } monthElement)
        {
            if (monthElement.ValueKind != JsonValueKind.String)
            {
                problems.Add(new InputProblem(null, $"{pointer}/{FieldNames.Month}", "month must be a string YYYY-MM-01"));
            }
            else if (!MonthFormat.TryParse(monthElement.GetString(), out month, out string error))
            {
                problems.Add(new InputProblem(null, $"{pointer}/{FieldNames.Month}", error.TrimEnd('.')));
            }
        }

        long totalFiles = 0;
        if (Field(item, FieldNames.TotalFiles, pointer, problems) is { } filesElement && Number(filesElement, FieldNames.TotalFiles, pointer, problems)
            && !filesElement.TryGetInt64(out totalFiles))
        {
            problems.Add(new InputProblem(null, $"{pointer}/{FieldNames.TotalFiles}", "total_files must be a whole number"));
        }

        double Double(string field)
        {
            if (Field(item, field, pointer, problems) is { } element && Number(element, field, pointer, problems))
            {
                if (element.TryGetDouble(out double value))
                {
                    return value;
                }

                problems.Add(new InputProblem(null, $"{pointer}/{field}", $"{field} must be a finite number"));
            }

            return 0;
        }

        var input = new ForecastInput(
            month,
            totalFiles,
            Double(FieldNames.AvgFileSizeMb),
            Double(FieldNames.PctPdf),
            Double(FieldNames.PctDocx),
            Double(FieldNames.PctXlsx),
            Double(FieldNames.ArchiveFrequencyPerDay));
        if (problems.Count > before)
        {
            return null;
        }

        foreach (var error in InstanceRules.Validate(input))
        {
            problems.Add(new InputProblem(null, error.Field.Length == 0 ? pointer : $"{pointer}/{error.Field}", error.Detail.TrimEnd('.')));
        }

        return problems.Count > before ? null : input;
    }

    private static JsonElement? Field(JsonElement item, string field, string pointer, ProblemList problems)
    {
        if (item.TryGetProperty(field, out var element))
        {
            if (element.ValueKind != JsonValueKind.Null)
            {
                return element;
            }

            problems.Add(new InputProblem(null, $"{pointer}/{field}", $"{field} must not be null"));
            return null;
        }

        problems.Add(new InputProblem(null, $"{pointer}/{field}", $"{field} is required"));
        return null;
    }

    private static bool Number(JsonElement element, string field, string pointer, ProblemList problems)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return true;
        }

        problems.Add(new InputProblem(null, $"{pointer}/{field}", $"{field} must be a number, not {element.ValueKind.ToString().ToLowerInvariant()}"));
        return false;
    }

    private static ScoringInput Failed(InputProblem problem) => new([], null, null, [problem], 1);

    // RFC 6901: '~' and '/' in a property name are escaped in a pointer.
    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
