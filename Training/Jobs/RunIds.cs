using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Training.Jobs;

/// <summary>Run ids: the UTC time the run was accepted and 8 random hex digits (<c>20260301T120000Z-1a2b3c4d</c>), so they sort by time.</summary>
public static class RunIds
{
    /// <summary>A new run id at the current time of <paramref name="timeProvider"/>.</summary>
    public static string Create(TimeProvider timeProvider) =>
        string.Concat(
            timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            "-",
            RandomNumberGenerator.GetHexString(8, lowercase: true));

    /// <summary>True for a run id the registry accepts (ASCII letters, digits and hyphens), so that it is a safe file and blob name.</summary>
    public static bool IsValid([NotNullWhen(true)] string? runId) => ModelRegistry.IsValidRunId(runId);
}
