using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Training.Batch;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// A job as it travels through the storage queue: snake_case JSON of plain text, which
/// <see cref="RetrainMessageConsumer"/> parses back into a request (and refuses when it is not one). Retraining and
/// batch scoring share the queue; <see cref="Kind"/> tells them apart, and a message without one (sent before batch
/// jobs existed) is a retraining.
/// </summary>
/// <param name="RunId">The run id as sent.</param>
/// <param name="ModelName">The model name as sent.</param>
/// <param name="Dataset">The dataset as sent, or null for the configured default (retraining only; a batch job needs one).</param>
/// <param name="Trigger">What asked for it.</param>
/// <param name="Kind"><see cref="RetrainKind"/>, <see cref="BatchKind"/>, or null for a retraining.</param>
/// <param name="Output">A batch job's output name, or null for its run id.</param>
public sealed record RetrainMessage(string RunId, string ModelName, string? Dataset, string Trigger, string? Kind = null, string? Output = null)
{
    /// <summary>The kind of a retraining message (also what a message without a kind is).</summary>
    public const string RetrainKind = "retrain";

    /// <summary>The kind of a batch scoring message.</summary>
    public const string BatchKind = "batch";

    private static readonly JsonSerializerOptions MessageJson = new(ArtifactJson.Options) { WriteIndented = false };

    /// <summary>True for a batch scoring message.</summary>
    public bool IsBatch => string.Equals(Kind, BatchKind, StringComparison.Ordinal);

    /// <summary>The message of a request.</summary>
    public static RetrainMessage From(RetrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RetrainMessage(request.RunId, request.ModelName, request.Dataset, request.Trigger, RetrainKind);
    }

    /// <summary>The message of a batch job.</summary>
    public static RetrainMessage From(BatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RetrainMessage(request.RunId, request.ModelName, request.Dataset, request.Trigger, BatchKind, request.Output);
    }

    /// <summary>The message text of a request (before the transport's Base64 encoding).</summary>
    public static string Serialize(RetrainRequest request) => JsonSerializer.Serialize(From(request), MessageJson);

    /// <summary>The message text of a batch job (before the transport's Base64 encoding).</summary>
    public static string Serialize(BatchRequest request) => JsonSerializer.Serialize(From(request), MessageJson);

    /// <summary>The message of a text, as the queue-triggered function receives it (already Base64-decoded); its values are not checked yet.</summary>
    /// <exception cref="FormatException">The text is not a retraining or batch message.</exception>
    public static RetrainMessage Deserialize(string messageText)
    {
        try
        {
            var message = JsonSerializer.Deserialize<RetrainMessage>(messageText, MessageJson);
            if (message is null || string.IsNullOrEmpty(message.RunId) || string.IsNullOrEmpty(message.ModelName) || string.IsNullOrEmpty(message.Trigger))
            {
                throw new FormatException("The queue message is not a retraining request: run_id, model_name and trigger are required.");
            }

            if (message.Kind is not null and not RetrainKind and not BatchKind)
            {
                throw new FormatException($"The queue message's kind is neither '{RetrainKind}' nor '{BatchKind}'.");
            }

            if (message.IsBatch && string.IsNullOrEmpty(message.Dataset))
            {
                throw new FormatException("The queue message is a batch job without a dataset.");
            }

            return message;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The queue message is not a retraining request: {ex.Message}", ex);
        }
    }
}
