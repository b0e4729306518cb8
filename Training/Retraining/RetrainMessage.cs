using System.Text.Json;
using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// A <see cref="RetrainRequest"/> as it travels through the storage queue: snake_case JSON of plain text, which
/// <see cref="RetrainMessageConsumer"/> parses back into a request (and refuses when it is not one).
/// </summary>
/// <param name="RunId">The run id as sent.</param>
/// <param name="ModelName">The model name as sent.</param>
/// <param name="Dataset">The dataset as sent, or null for the configured default.</param>
/// <param name="Trigger">What asked for it.</param>
public sealed record RetrainMessage(string RunId, string ModelName, string? Dataset, string Trigger)
{
    private static readonly JsonSerializerOptions MessageJson = new(ArtifactJson.Options) { WriteIndented = false };

    /// <summary>The message of a request.</summary>
    public static RetrainMessage From(RetrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RetrainMessage(request.RunId, request.ModelName, request.Dataset, request.Trigger);
    }

    /// <summary>The message text of a request (before the transport's Base64 encoding).</summary>
    public static string Serialize(RetrainRequest request) => JsonSerializer.Serialize(From(request), MessageJson);

    /// <summary>The message of a text, as the queue-triggered function receives it (already Base64-decoded); its values are not checked yet.</summary>
    /// <exception cref="FormatException">The text is not a retraining message.</exception>
    public static RetrainMessage Deserialize(string messageText)
    {
        try
        {
            var message = JsonSerializer.Deserialize<RetrainMessage>(messageText, MessageJson);
            if (message is null || string.IsNullOrEmpty(message.RunId) || string.IsNullOrEmpty(message.ModelName) || string.IsNullOrEmpty(message.Trigger))
            {
                throw new FormatException("The queue message is not a retraining request: run_id, model_name and trigger are required.");
            }

            return message;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The queue message is not a retraining request: {ex.Message}", ex);
        }
    }
}
