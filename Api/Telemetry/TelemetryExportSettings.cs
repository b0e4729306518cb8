using Microsoft.Extensions.Configuration;

namespace ArchiveForecast.Api.Telemetry;

/// <summary>
/// Whether and how telemetry is exported to Application Insights, read from the settings Azure uses:
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (or <c>ApplicationInsights:ConnectionString</c>) and
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD</c>, optionally <c>;ClientId=…</c>).
/// </summary>
/// <param name="ConnectionString">The connection string; export is off without one.</param>
/// <param name="UseEntraId">Send with a Microsoft Entra token of the app's identity (required when the resource has local auth off).</param>
/// <param name="ManagedIdentityClientId">The client id of a user-assigned identity; null for the system-assigned one.</param>
/// <remarks>
/// The rest of the <c>ApplicationInsights</c> section binds to the exporter's own options, for example
/// <c>ApplicationInsights:SamplingRatio</c>, <c>ApplicationInsights:TracesPerSecond</c> and
/// <c>ApplicationInsights:EnableQuickPulseMetricStream</c> (Live Metrics).
/// </remarks>
public sealed record TelemetryExportSettings(string? ConnectionString, bool UseEntraId, string? ManagedIdentityClientId)
{
    /// <summary>The app setting Azure writes for the connection string.</summary>
    public const string ConnectionStringVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The configuration key that may hold the connection string instead.</summary>
    public const string ConnectionStringKey = "ApplicationInsights:ConnectionString";

    /// <summary>The app setting that turns on Microsoft Entra authentication of ingestion.</summary>
    public const string AuthenticationStringVariable = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>True when a connection string is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Reads the settings.</summary>
    /// <exception cref="InvalidOperationException">The authentication string is malformed (the message names the setting).</exception>
    public static TelemetryExportSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? connectionString = NullIfBlank(configuration[ConnectionStringVariable]) ?? NullIfBlank(configuration[ConnectionStringKey]);
        var (useEntraId, clientId) = ParseAuthentication(configuration[AuthenticationStringVariable]);
        return new TelemetryExportSettings(connectionString, useEntraId, clientId);
    }

    /// <summary>Parses <c>Authorization=AAD[;ClientId=…]</c>; empty means no Entra authentication.</summary>
    /// <exception cref="InvalidOperationException">Anything else.</exception>
    public static (bool UseEntraId, string? ClientId) ParseAuthentication(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (false, null);
        }

        bool aad = false;
        string? clientId = null;
        foreach (string part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string key = equals < 0 ? part : part[..equals].Trim();
            string setting = equals < 0 ? string.Empty : part[(equals + 1)..].Trim();
            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && setting.Equals("AAD", StringComparison.OrdinalIgnoreCase))
            {
                aad = true;
            }
            else if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase) && setting.Length > 0)
            {
                clientId = setting;
            }
            else
            {
                throw Malformed();
            }
        }

        return aad ? (true, clientId) : throw Malformed();
    }

    private static InvalidOperationException Malformed() => new(
        $"{AuthenticationStringVariable} must be 'Authorization=AAD' (system-assigned identity) or "
        + "'Authorization=AAD;ClientId=<client id>' (user-assigned identity).");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
