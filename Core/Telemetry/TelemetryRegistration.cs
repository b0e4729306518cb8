using System.Diagnostics.Metrics;
using ArchiveForecast.Core.Drift;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Telemetry;

/// <summary>Core's telemetry services, registered by <c>AddArchiveForecastCore</c>.</summary>
internal static class TelemetryRegistration
{
    /// <summary>
    /// <see cref="DriftOptions"/> (section <c>Drift</c>, validated at start), the <see cref="DriftTracker"/> and one
    /// <see cref="ArchiveForecastTelemetry"/> on the host's <see cref="IMeterFactory"/> when there is one.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DriftOptions>().Bind(configuration.GetSection(DriftOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DriftOptions>, DriftOptionsValidator>());
        services.TryAddSingleton(sp => new DriftTracker(sp.GetRequiredService<IOptions<DriftOptions>>().Value.WindowSize));
        services.TryAddSingleton(sp => new ArchiveForecastTelemetry(sp.GetService<IMeterFactory>(), sp.GetRequiredService<DriftTracker>()));
    }
}
