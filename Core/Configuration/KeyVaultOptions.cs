namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// The Key Vault whose secrets are loaded as configuration at start-up (<c>KeyVault:Uri</c>, in Azure app settings
/// <c>KeyVault__Uri</c>). A secret named <c>Section--Key</c> becomes the setting <c>Section:Key</c>.
/// </summary>
public sealed class KeyVaultOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "KeyVault";

    /// <summary>The vault URL, <c>https://{vault}.vault.azure.net/</c>; unset means no Key Vault.</summary>
    public Uri? Uri { get; set; }

    /// <summary>The client id of a user-assigned managed identity for the vault; falls back to <c>ModelStore:ManagedIdentityClientId</c>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long loading every secret may take before start-up fails.</summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
