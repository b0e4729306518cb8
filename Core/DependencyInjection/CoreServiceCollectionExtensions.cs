using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Releases;
using ArchiveForecast.Core.Telemetry;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.DependencyInjection;

/// <summary>The wiring of Core: model store options, the artifact store, the registry, the served models and their reload, telemetry and drift.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds Core's services: <see cref="ModelStoreOptions"/> bound from <c>ModelStore</c> and validated at start,
    /// <see cref="TimeProvider.System"/> (unless one is registered), the <see cref="IArtifactStore"/> the options choose
    /// (unless one is registered; a blob store takes its container client from <c>AddArchiveForecastAzureClients</c>), <see cref="ModelRegistry"/>, <see cref="ModelCatalog"/>,
    /// <see cref="ArchiveForecastTelemetry"/> with its drift windows (<c>Drift</c> section), and for a host (not
    /// <see cref="HostProfile.Command"/>) the <see cref="ModelReloadService"/> that loads and polls the models.
    /// </summary>
    public static IServiceCollection AddArchiveForecastCore(this IServiceCollection services, IConfiguration configuration, HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ModelStoreOptions>()
            .Bind(configuration.GetSection(ModelStoreOptions.SectionName))
            .PostConfigure(ModelStoreSelection.ApplyDefault)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelStoreOptions>, ModelStoreOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelStoreOptions>, ModelStoreKindValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ArtifactStoreFactory.Create(
            sp.GetRequiredService<IOptions<ModelStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactoryOf(sp),
            sp.GetService<IAzureClientFactory<BlobContainerClient>>()));
        services.TryAddSingleton(sp => new ModelRegistry(
            sp.GetRequiredService<IArtifactStore>(),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactoryOf(sp).CreateLogger<ModelRegistry>())
        {
            MaxArtifactBytes = sp.GetRequiredService<IOptions<ModelStoreOptions>>().Value.MaxArtifactBytes,
        });
        services.TryAddSingleton(sp => new ModelCatalog(
            sp.GetRequiredService<ModelRegistry>(),
            sp.GetRequiredService<IOptions<ModelStoreOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactoryOf(sp),
            sp.GetRequiredService<ArchiveForecastTelemetry>(),
            sp.GetRequiredService<IOptions<ReleaseOptions>>()));
        services.AddOptions<ReleaseOptions>()
            .Bind(configuration.GetSection(ReleaseOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReleaseOptions>, ReleaseOptionsValidator>());
        services.TryAddSingleton(sp => new ReleaseRegistry(
            sp.GetRequiredService<ModelRegistry>(),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactoryOf(sp).CreateLogger<ReleaseRegistry>()));
        TelemetryRegistration.Add(services, configuration);

        if (profile != HostProfile.Command)
        {
            // Hosts only (the one-job CLI commands run no hosted services): the settings Key Vault overrides, by name.
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KeyVaultOverrideReport>(sp =>
                new KeyVaultOverrideReport(configuration, LoggerFactoryOf(sp).CreateLogger<KeyVaultOverrideReport>())));
            services.AddHostedService(sp => new ModelReloadService(
                sp.GetRequiredService<ModelCatalog>(),
                sp.GetRequiredService<IOptions<ModelStoreOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                LoggerFactoryOf(sp).CreateLogger<ModelReloadService>()));
        }

        return services;
    }

    /// <summary>Adds Core's services to a host builder with its configuration; see <see cref="AddArchiveForecastCore(IServiceCollection, IConfiguration, HostProfile)"/>.</summary>
    public static IHostApplicationBuilder AddArchiveForecastCore(this IHostApplicationBuilder builder, HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddArchiveForecastCore(builder.Configuration, profile);
        return builder;
    }

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
