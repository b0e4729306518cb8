using ArchiveForecast.Api.Hosting;
using ArchiveForecast.Api.Telemetry;
using ArchiveForecast.Core.DependencyInjection;
using ArchiveForecast.Training.DependencyInjection;
using ArchiveForecast.Training.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.HttpForecast.Hosting;

/// <summary>All wiring of the Functions app, compiled in both build modes so that tests compose exactly what the host runs.</summary>
public static class FunctionsServiceCollectionExtensions
{
    private const string NoRetrainQueue =
        $"The Functions app hands retraining to a Storage queue: set {RetrainQueueOptions.SectionName}:QueueServiceUri (managed identity) "
        + $"or {RetrainQueueOptions.SectionName}:ConnectionString (Azurite).";

    /// <summary>
    /// Registers every layer the functions delegate to: Core (model store, registry, served models and their reload),
    /// Training (with the Storage retraining queue), the HTTP handlers, and the retraining entry points of the timer and
    /// queue functions. Keys are the host's business, not the app's. With <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set,
    /// the worker exports the service's own metrics and activities (model version, predictions, drift, training) to
    /// Application Insights; requests and logs leave through the Functions host, which already records them.
    /// </summary>
    public static IServiceCollection AddArchiveForecastFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddArchiveForecastCore(configuration);
        services.AddArchiveForecastTraining(configuration);
        services.AddArchiveForecastApi(configuration);
        services.AddArchiveForecastTelemetry(configuration, collectAspNetCoreRequests: false, exportLogs: false);
        services.TryAddSingleton<ScheduledRetraining>();

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
