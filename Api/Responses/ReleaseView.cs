using ArchiveForecast.Core.Releases;

namespace ArchiveForecast.Api.Responses;

/// <summary>A release as the pointer holds it, with its age.</summary>
/// <param name="Id">The release id (its record is <c>{model}/releases/{id}.json</c> once it ends).</param>
/// <param name="Version">The candidate version.</param>
/// <param name="Fraction">The share of requests the candidate answers (split) or scores (shadow).</param>
/// <param name="Mode"><c>split</c> or <c>shadow</c>.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="StartedBy">Who started it.</param>
/// <param name="AgeSeconds">How long it has run.</param>
/// <param name="Guards">When it ends itself.</param>
public sealed record ReleaseView(
    string Id,
    int Version,
    double Fraction,
    ReleaseMode Mode,
    DateTimeOffset StartedAt,
    string StartedBy,
    double AgeSeconds,
    ReleaseGuards Guards)
{
    /// <summary>The view of <paramref name="release"/> at <paramref name="now"/>.</summary>
    public static ReleaseView Of(ModelRelease release, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(release);
        return new(release.Id, release.Version, release.Fraction, release.Mode, release.StartedAt, release.StartedBy,
            Math.Max(0, Math.Round((now - release.StartedAt).TotalSeconds, 1)), release.Guards);
    }
}
