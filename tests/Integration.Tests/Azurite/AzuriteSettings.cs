namespace ArchiveForecast.Integration.Tests.Azurite;

/// <summary>How an Azurite instance runs.</summary>
/// <param name="Certificate">Serve HTTPS with this certificate (required for OAuth).</param>
/// <param name="OAuth">Accept bearer tokens (<c>--oauth basic</c>: issuer, audience and lifetime are checked, signatures are not).</param>
/// <param name="DataFolder">Persist to this folder (survives a restart); null keeps everything in memory.</param>
public sealed record AzuriteSettings(TestCertificate? Certificate = null, bool OAuth = false, string? DataFolder = null);
