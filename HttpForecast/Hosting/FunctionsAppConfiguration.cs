using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace ArchiveForecast.HttpForecast.Hosting;

/// <summary>
/// The configuration the worker starts from, beneath every app setting: logging levels, and the values of host.json
/// that the app's code must agree with.
/// </summary>
public static class FunctionsAppConfiguration
{
    /// <summary>
    /// The prefix under which the worker sees host.json. The Functions host lets an app setting
    /// <c>AzureFunctionsJobHost__{path}</c> override host.json; the worker receives the same app settings as environment
    /// variables, so reading host.json under this prefix resolves each value exactly as the host does.
    /// </summary>
    public const string HostJsonPrefix = "AzureFunctionsJobHost";

    /// <summary>The queue trigger's deliveries before poisoning, as the host resolves it.</summary>
    public const string MaxDequeueCountKey = HostJsonPrefix + ":extensions:queues:maxDequeueCount";

    /// <summary>
    /// Framework categories at Warning and the app's own at Information. Every worker log line travels to the host over
    /// gRPC; the ASP.NET Core integration's per-request Information lines cost about a quarter of the predict throughput
    /// (docs/operations.md). App settings such as <c>Logging__LogLevel__Default</c> override these.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> LoggingDefaults { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:ArchiveForecast"] = "Information",
        ["Logging:LogLevel:Function"] = "Information",
    };

    /// <summary>
    /// Puts <see cref="LoggingDefaults"/> and the host.json beside the app (when there is one) under every other
    /// configuration source, so that app settings, environment variables and Key Vault all override them.
    /// </summary>
    /// <param name="configuration">The worker's configuration.</param>
    /// <param name="appDirectory">The folder of the app's assembly, where the build and the publish put host.json.</param>
    public static IConfigurationBuilder AddFunctionsAppDefaults(this IConfigurationBuilder configuration, string appDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new Dictionary<string, string?>(LoggingDefaults, StringComparer.OrdinalIgnoreCase);
        string hostJson = Path.Combine(appDirectory, "host.json");
        if (File.Exists(hostJson))
        {
            foreach (var (key, value) in new ConfigurationBuilder().AddJsonFile(hostJson, optional: false, reloadOnChange: false).Build().AsEnumerable())
            {
                defaults[$"{HostJsonPrefix}:{key}"] = value;
            }
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return configuration;
    }
}
