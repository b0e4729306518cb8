using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ArchiveForecast.Training.Jobs;

/// <summary>Run ids: the UTC time the run was accepted and 8 random hex digits (<c>20260301T120000Z-1a2b3c4d</c>), so they sort by time.</summary>
public static partial class RunIds
{
    /// <summary>A new run id at the current time of <paramref name="timeProvider"/>.</summary>
    public static string Create(TimeProvider timeProvider) =>
        string.Concat(
            timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            "-",
            RandomNumberGenerator.GetHexString(8, lowercase: true));

    /// <summary>True for letters, digits and hyphens only (1 to 64), so that a run id is a safe file and blob name.</summary>
    public static bool IsValid([NotNullWhen(true)] string? runId) => runId is not null && Pattern().IsMatch(runId);

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
