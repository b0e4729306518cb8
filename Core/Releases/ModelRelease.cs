namespace ArchiveForecast.Core.Releases;

/// <summary>A running release of a candidate version, as the pointer (<c>{model}/current.json</c>) holds it.</summary>
/// <param name="Id">Names the release in its record (<c>{model}/releases/{id}.json</c>) and in logs; letters, digits and hyphens.</param>
/// <param name="Version">The candidate version.</param>
/// <param name="Fraction">The share of prediction requests the candidate answers (split) or scores (shadow), in (0, 1].</param>
/// <param name="Mode">Split or shadow.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="StartedBy">Who started it.</param>
/// <param name="Guards">When it ends itself.</param>
public sealed record ModelRelease(
    string Id,
    int Version,
    double Fraction,
    ReleaseMode Mode,
    DateTimeOffset StartedAt,
    string StartedBy,
    ReleaseGuards Guards);
