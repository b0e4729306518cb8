using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.DependencyInjection;
using ArchiveForecast.Training.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace ArchiveForecast.Integration.Tests.Composition;

/// <summary>Core, Training and the Azure clients composed as a CLI command composes them, over the given settings alone.</summary>
internal static class ComposedServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddArchiveForecastCore(configuration, HostProfile.Command);
        services.AddArchiveForecastTraining(configuration, HostProfile.Command);
        services.AddArchiveForecastAzureClients(configuration);
        return services.BuildServiceProvider();
    }
}
