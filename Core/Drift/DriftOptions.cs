using System.ComponentModel.DataAnnotations;

namespace ArchiveForecast.Core.Drift;

/// <summary>How drift is measured: over the last <see cref="WindowSize"/> inputs of each served model.</summary>
public sealed class DriftOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Drift";

    /// <summary>
    /// The recent inputs kept per served model (a ring buffer of this many values per numeric field; 8 bytes each).
    /// Default 1000: small enough to follow a shift within minutes, large enough that PSI is not noise.
    /// </summary>
    [Range(50, 100_000)]
    public int WindowSize { get; set; } = 1000;
}
