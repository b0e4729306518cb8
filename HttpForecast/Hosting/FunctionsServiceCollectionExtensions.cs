using ArchiveForecast.Training.DependencyInjection;
using ArchiveForecast.Training.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArchiveForecast.HttpForecast.Hosting;

/// <summary>All wiring of the Functions app, compiled in both build modes so that tests compose exactly what the host runs.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Registers every layer the functions delegate to.</summary>
    public static IServiceCollection AddArchiveForecastFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddArchiveForecastTraining(configuration);
        services.TryAddSingleton<RetrainMessageProcessor>();
        services.TryAddSingleton<ScheduledRetraining>();
        return services;
    }
}
