using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.DependencyInjection;
using ArchiveForecast.Training.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Cli.Hosting;

/// <summary>
/// The services of a command, built the way the hosts build them (one <c>AddArchiveForecast…</c> call per layer) from
/// environment variables (<c>ModelStore__ConnectionString</c>, <c>Training__Trainer</c>, ...) overlaid with the flags.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? store, TextWriter log, bool verbose)
    {
        // Secrets (a data source's connection string, say) come from Key Vault when KeyVault__Uri is set; the flags still win.
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddArchiveForecastKeyVault()
            .AddInMemoryCollection(ModelStoreSelection.Override(store))
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // A failure is reported once, by the command that met it; without --verbose, error logs would say it again.
        services.AddLogging(logging => logging
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
            .AddFilter(level => verbose ? level >= LogLevel.Information : level is LogLevel.Warning or LogLevel.Critical)
            .AddProvider(new TextWriterLoggerProvider(log, verbose)));

        services.AddArchiveForecastCore(configuration, HostProfile.Command);
        services.AddArchiveForecastTraining(configuration, HostProfile.Command);
        services.AddArchiveForecastAzureClients(configuration);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        // No host runs here to validate options on start, so they are validated now: a wrong setting fails before any work.
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }
}
