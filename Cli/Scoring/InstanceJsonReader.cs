using ArchiveForecast.Api.Input;

namespace ArchiveForecast.Cli.Scoring;

/// <summary>
/// Reads a JSON file of <c>{"instances":[Instance,...]}</c> with the API's own reader (<see cref="PredictRequestParser"/>),
/// so a file and a request body are refused for the same reasons with the same words; a file may hold any number of
/// instances.
/// </summary>
internal static class InstanceJsonReader
{
    public static async Task<ScoringInput> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, cancellationToken);
        var parsed = PredictRequestParser.Parse(new ReadOnlySpan<byte>(bytes.GetBuffer(), 0, (int)bytes.Length), int.MaxValue);
        if (parsed.Value is { } inputs)
        {
            return new ScoringInput(inputs, null, null, [], 0);
        }

        if (parsed.Errors.Count == 0)
        {
            return new ScoringInput([], null, null, [new InputProblem(null, string.Empty, parsed.Detail ?? "The file is not valid JSON.")], 1);
        }

        return new ScoringInput([], null, null, [.. parsed.Errors.Select(e => new InputProblem(null, e.Pointer, e.Detail))], parsed.ErrorCount);
    }
}
