using System.ComponentModel.DataAnnotations;

namespace ArchiveForecast.Training.Configuration;

/// <summary>
/// The rules of a section that names a local folder or a blob container (a URL reached with managed identity, or a
/// connection string for Azurite): <c>TrainingData</c> and <c>Predictions</c>.
/// </summary>
internal static class StorageLocationRules
{
    private const string PathKey = "Path";
    private const string ContainerUriKey = "ContainerUri";
    private const string ConnectionStringKey = "ConnectionString";

    public static bool UsesBlobStorage(Uri? containerUri, string? connectionString) =>
        containerUri is not null || !string.IsNullOrWhiteSpace(connectionString);

    public static IEnumerable<ValidationResult> Validate(string sectionName, string path, Uri? containerUri, string? connectionString)
    {
        if (containerUri is not null && !string.IsNullOrWhiteSpace(connectionString))
        {
            yield return new ValidationResult(
                $"Set either {sectionName}:{ContainerUriKey} or {sectionName}:{ConnectionStringKey}, not both.",
                [ContainerUriKey, ConnectionStringKey]);
        }

        if (containerUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)))
        {
            yield return new ValidationResult(
                $"{sectionName}:{ContainerUriKey} must be an absolute https URL (http only to a loopback emulator).",
                [ContainerUriKey]);
        }

        if (!UsesBlobStorage(containerUri, connectionString) && string.IsNullOrWhiteSpace(path))
        {
            yield return new ValidationResult($"{sectionName}:{PathKey} must name a folder.", [PathKey]);
        }
    }
}
