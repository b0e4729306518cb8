using ArchiveForecast.Api.Hosting;
using ArchiveForecast.Api.Telemetry;
using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.DependencyInjection;
using ArchiveForecast.Training.DependencyInjection;
using ArchiveForecast.Training.Retraining;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.HttpForecast.Hosting;

/// <summary>All wiring of the Functions app, in one place, so that tests compose exactly what the worker runs.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The app on the worker's builder (after <c>ConfigureFunctionsWebApplication</c>): the defaults beneath every app
    /// setting (<see cref="FunctionsAppConfiguration"/>), Key Vault secrets when <c>KeyVault__Uri</c> is set, then
    /// <see cref="AddArchiveForecastFunctions(IServiceCollection, IConfiguration)"/>.
    /// </summary>
    public static TBuilder AddArchiveForecastFunctions<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddFunctionsAppDefaults(AppContext.BaseDirectory);
        builder.Configuration.AddArchiveForecastKeyVault();
        builder.Services.AddArchiveForecastFunctions(builder.Configuration);
        return builder;
    }

    private const string NoRetrainQueue =
        $"The Functions app hands retraining to a Storage queue: set {RetrainQueueOptions.SectionName}:QueueServiceUri (managed identity) "
        + $"or {RetrainQueueOptions.SectionName}:ConnectionString (Azurite).";

    /// <summary>
    /// Registers every layer the functions delegate to: Core (model store, registry, served models and their reload),
    /// Training (with the Storage retraining queue), the Azure clients of the stores and queue, the HTTP handlers, and
    /// the retraining entry points of the timer and queue functions. Keys are the host's business, not the app's. With <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set,
    /// the worker exports the service's own metrics and activities (model version, predictions, drift, training) to
    /// Application Insights; requests and logs leave through the Functions host, which already records them.
    /// </summary>
    public static IServiceCollection AddArchiveForecastFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddArchiveForecastCore(configuration, HostProfile.Functions);
        services.AddArchiveForecastTraining(configuration, HostProfile.Functions);
        services.AddArchiveForecastAzureClients(configuration);
        services.AddArchiveForecastApi(configuration);
        services.AddArchiveForecastTelemetry(configuration, HostProfile.Functions);
        services.TryAddSingleton<ScheduledRetraining>();

        // The host poisons a message after host.json's maxDequeueCount; the last delivery must be the one that records why.
        services.AddOptions<RetrainQueueOptions>().Configure(o =>
            o.MaxDequeueCount = configuration.GetValue(FunctionsAppConfiguration.MaxDequeueCountKey, RetrainQueueOptions.DefaultMaxDequeueCount));

        if (!services.Any(d => d.ServiceType == typeof(IRetrainQueue)))
        {
            // Start-up fails on the options with the settings' names; the registration only keeps ValidateOnBuild (on in
            // Development) from failing first with a bare "unable to resolve IRetrainQueue".
            services.AddOptions<RetrainQueueOptions>().Validate(o => o.IsConfigured, NoRetrainQueue);
            services.AddSingleton<IRetrainQueue>(_ =>
                throw new OptionsValidationException(RetrainQueueOptions.SectionName, typeof(RetrainQueueOptions), [NoRetrainQueue]));
        }

        return services;
    }
}
