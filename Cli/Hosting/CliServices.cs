using ArchiveForecast.Core.Configuration;

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
    /// <summary>The store used when neither <c>--store</c> nor the environment names one.</summary>
    public const string DefaultStore = "./models";

    public static ServiceProvider Build(string? store, TextWriter log, bool verbose)
    {
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(environment)
            .AddInMemoryCollection(StoreSettings(store, environment))
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
            .AddProvider(new TextWriterLoggerProvider(log)));

        services.AddArchiveForecastTraining(configuration);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        // No host runs here to validate options on start, so they are validated now: a wrong setting fails before any work.
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }

    /// <summary>
    /// The <c>ModelStore</c> settings of <paramref name="store"/>: a URL is a blob container, anything else a folder.
    /// A flag replaces whatever store the environment names (null values hide the environment's keys).
    /// </summary>
    public static Dictionary<string, string?> StoreSettings(string? store, IConfiguration environment)
    {
        const string Section = ModelStoreOptions.SectionName;
        if (store is null)
        {
            var configured = environment.GetSection(Section);
            bool named = !string.IsNullOrWhiteSpace(configured[nameof(ModelStoreOptions.ContainerUri)])
                || !string.IsNullOrWhiteSpace(configured[nameof(ModelStoreOptions.ConnectionString)])
                || !string.IsNullOrWhiteSpace(configured[nameof(ModelStoreOptions.Path)]);
            return named ? [] : new() { [$"{Section}:{nameof(ModelStoreOptions.Path)}"] = DefaultStore };
        }

        bool isUrl = Uri.TryCreate(store, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return new()
        {
            [$"{Section}:{nameof(ModelStoreOptions.Path)}"] = isUrl ? null : store,
            [$"{Section}:{nameof(ModelStoreOptions.ContainerUri)}"] = isUrl ? store : null,
            [$"{Section}:{nameof(ModelStoreOptions.ConnectionString)}"] = null,
        };
    }
}
