using ArchiveForecast.Core.Releases;

namespace ArchiveForecast.Api.Input;

/// <summary>
/// The body of a release start: <c>{"version":4,"fraction":0.1,"mode":"split"}</c>, with optional guards that
/// override the configured ones (<c>Release:*</c>) for this release.
/// </summary>
public sealed record ReleaseRequest(
    int Version,
    double Fraction,
    ReleaseMode Mode,
    int? MinRequests = null,
    double? MaxErrorRateIncrease = null,
    double? MaxLatencyRatio = null,
    double? MaxDivergence = null)
{
    /// <summary>The guards of the release: each one given here, else the configured default.</summary>
    public ReleaseGuards GuardsOver(ReleaseGuards defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new ReleaseGuards(
            MinRequests ?? defaults.MinRequests,
            MaxErrorRateIncrease ?? defaults.MaxErrorRateIncrease,
            MaxLatencyRatio ?? defaults.MaxLatencyRatio,
            MaxDivergence ?? defaults.MaxDivergence);
    }
}
