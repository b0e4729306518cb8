namespace ArchiveForecast.Core.Releases;

/// <summary>What a caller asks for when starting (or widening) a release.</summary>
/// <param name="Version">The candidate version.</param>
/// <param name="Fraction">The share of requests, in (0, 1].</param>
/// <param name="Mode">Split or shadow.</param>
/// <param name="Guards">The guards; null for the configured defaults (<see cref="ReleaseOptions"/>).</param>
public sealed record ReleaseStart(int Version, double Fraction, ReleaseMode Mode, ReleaseGuards? Guards = null)
{
    /// <summary>True when <paramref name="fraction"/> is in (0, 1].</summary>
    public static bool IsValidFraction(double fraction) => fraction > 0 && fraction <= 1 && double.IsFinite(fraction);
}
