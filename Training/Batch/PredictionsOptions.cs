using System.ComponentModel.DataAnnotations;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Training.Configuration;

namespace ArchiveForecast.Training.Batch;

/// <summary>
/// Batch scoring (section <c>Predictions</c>): where scored datasets are written (a local folder by default, or the
/// <c>predictions</c> blob container, reached like the training data), and what a job tolerates.
/// </summary>
public sealed class PredictionsOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Predictions";

    /// <summary>The folder outputs are written to. Default <c>./predictions</c>.</summary>
    public string Path { get; set; } = "./predictions";

    /// <summary>The blob container URL of the outputs (<c>https://{account}.blob.core.windows.net/predictions</c>).</summary>
    public Uri? ContainerUri { get; set; }

    /// <summary>A storage connection string, for Azurite and local development only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The container name used with <see cref="ConnectionString"/>.</summary>
    [RegularExpression(@"^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])\z")]
    public string ContainerName { get; set; } = "predictions";

    /// <summary>The client id of a user-assigned managed identity; empty for <c>ModelStore:ManagedIdentityClientId</c> or the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>A job fails, and writes no output, when more than this share of its rows is rejected. Default 0.1.</summary>
    [Range(0.0, 1.0)]
    public double MaxRejectRatio { get; set; } = 0.1;

    /// <summary>The level of the forecast ranges written (0.5, 0.8, 0.9 or 0.95). Default 0.8.</summary>
    public double RangeLevel { get; set; } = IntervalCalibration.DefaultLevel;

    /// <summary>True when the outputs go to a blob container rather than a folder.</summary>
    public bool UsesBlobStorage => StorageLocationRules.UsesBlobStorage(ContainerUri, ConnectionString);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in StorageLocationRules.Validate(SectionName, Path, ContainerUri, ConnectionString))
        {
            yield return result;
        }

        if (!IntervalCalibration.IsSupported(RangeLevel))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(RangeLevel)} must be one of {string.Join(", ", IntervalCalibration.SupportedLevels.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)))}.",
                [nameof(RangeLevel)]);
        }
    }
}
