using System.ComponentModel.DataAnnotations;

namespace ArchiveForecast.Training.Configuration;

/// <summary>
/// Where training datasets live (section <c>TrainingData</c>): a local folder by default, or a blob container (a URL
/// reached with managed identity in Azure, or a connection string for Azurite).
/// </summary>
public sealed class TrainingDataOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TrainingData";

    /// <summary>The default of <see cref="MaxDatasetBytes"/>: 2 GiB.</summary>
    public const long DefaultMaxDatasetBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The folder holding datasets. Default <c>./training-data</c>.</summary>
    public string Path { get; set; } = "./training-data";

    /// <summary>The blob container URL of the datasets (<c>https://{account}.blob.core.windows.net/training-data</c>).</summary>
    public Uri? ContainerUri { get; set; }

    /// <summary>A storage connection string, for Azurite and local development only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The container name used with <see cref="ConnectionString"/>.</summary>
    [RegularExpression(@"^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])\z")]
    public string ContainerName { get; set; } = "training-data";

    /// <summary>The client id of a user-assigned managed identity; empty for <c>ModelStore:ManagedIdentityClientId</c> or the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The largest dataset read, in bytes, from the folder or the blob container alike.</summary>
    [Range(1024, 16L * 1024 * 1024 * 1024)]
    public long MaxDatasetBytes { get; set; } = DefaultMaxDatasetBytes;

    /// <summary>True when the datasets are in a blob container rather than a folder.</summary>
    public bool UsesBlobStorage => StorageLocationRules.UsesBlobStorage(ContainerUri, ConnectionString);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        StorageLocationRules.Validate(SectionName, Path, ContainerUri, ConnectionString);
}
