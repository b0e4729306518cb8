namespace ArchiveForecast.Integration.Tests.Identity;

/// <summary>What kind of token the fake identity endpoint issues.</summary>
public enum IssuedToken
{
    /// <summary>Audience is the requested resource, valid for an hour.</summary>
    Valid,
    /// <summary>Audience is Key Vault, whatever was asked for.</summary>
    WrongAudience,
    /// <summary>Audience is right, but the token expired an hour ago.</summary>
    Expired,
}
