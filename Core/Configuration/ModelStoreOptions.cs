using System.ComponentModel.DataAnnotations;

namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// Where models live and how they are served. One shape for every world: a container URL with managed identity in
/// Azure, a connection string (Azurite) or a folder locally. Exactly one of <see cref="ContainerUri"/>,
/// <see cref="ConnectionString"/> or <see cref="Path"/> decides the store; <see cref="Path"/> is the default.
/// </summary>
public sealed class ModelStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ModelStore";

    /// <summary>A local folder holding the registry tree. Default <c>./models</c>.</summary>
    public string? Path { get; set; }

    /// <summary>The blob container URL (<c>https://{account}.blob.core.windows.net/models</c>), reached with managed identity.</summary>
    public Uri? ContainerUri { get; set; }

    /// <summary>A storage connection string, for Azurite and local development only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The container name used with <see cref="ConnectionString"/>.</summary>
    [RegularExpression(@"^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])\z")]
    public string ContainerName { get; set; } = "models";

    /// <summary>
    /// The client id of a user-assigned managed identity; empty for the system-assigned one. It is the identity of every
    /// Azure client whose section names none (training data, predictions, the retraining queue, Key Vault).
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The model served by routes that do not name one.</summary>
    [Required]
    [RegularExpression(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\z")]
    public string ModelName { get; set; } = Registry.ModelName.Default;

    /// <summary>How often the served models' pointers are polled for a new version; zero turns polling off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest artifact file that is read (model.zip included).</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxArtifactBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// How long a valid name that names no model is remembered as unknown, so repeated requests for it cost no storage
    /// calls (default 10 s; zero turns it off). A model created meanwhile is found once this has passed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan UnknownModelCacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}
