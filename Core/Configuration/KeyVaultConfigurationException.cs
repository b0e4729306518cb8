namespace ArchiveForecast.Core.Configuration;

/// <summary>Secrets could not be loaded from the Key Vault named by <c>KeyVault:Uri</c>; the app must not start without them.</summary>
public sealed class KeyVaultConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeyVaultConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KeyVaultConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public KeyVaultConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
