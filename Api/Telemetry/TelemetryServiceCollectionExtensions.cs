using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ArchiveForecast.Api.Telemetry;

/// <summary>Exports telemetry to Application Insights; both hosts call it.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The meters ASP.NET Core measures requests and connections with (Kestrel host only).</summary>
    public static IReadOnlyList<string> AspNetCoreMeters { get; } = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>The cloud role name (<c>service.name</c>) off Azure, unless <c>OTEL_SERVICE_NAME</c> names another.</summary>
    public const string DefaultServiceName = "archive-forecast";

    private const string ServiceNameVariable = "OTEL_SERVICE_NAME";
    private const string AppServiceSiteNameVariable = "WEBSITE_SITE_NAME";

    /// <summary>The activity source of ASP.NET Core's incoming requests (Kestrel host only).</summary>
    public const string AspNetCoreActivitySource = "Microsoft.AspNetCore";

    /// <summary>
    /// With a connection string (<see cref="TelemetryExportSettings"/>), adds Application Insights (WorkerService 3.x,
    /// OpenTelemetry-based) and has it export the <see cref="ArchiveForecastTelemetry"/> meter and activity source with
    /// the logs; with <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING=Authorization=AAD</c> it sends with the managed
    /// identity's token. Without a connection string it adds nothing: nothing is exported and nothing fails, while the
    /// meter and activity source keep working for in-process listeners.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the settings.</param>
    /// <param name="profile">
    /// The host. <see cref="HostProfile.Server"/> also exports ASP.NET Core's request spans (the <c>requests</c> table),
    /// its HTTP metrics and the app's logs; <see cref="HostProfile.Functions"/> exports neither, because the Functions
    /// host already records every request and forwards the worker's logs, so exporting them here would record each twice.
    /// </param>
    /// <exception cref="InvalidOperationException">A telemetry setting is malformed.</exception>
    public static IServiceCollection AddArchiveForecastTelemetry(
        this IServiceCollection services, IConfiguration configuration, HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        bool collectAspNetCoreRequests = profile == HostProfile.Server;
        bool exportLogs = profile != HostProfile.Functions;
        var settings = TelemetryExportSettings.FromConfiguration(configuration);
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddApplicationInsightsTelemetryWorkerService(options =>
        {
            options.ConnectionString = settings.ConnectionString;
            if (settings.UseEntraId)
            {
                options.Credential = AzureCredentialFactory.Create(settings.ManagedIdentityClientId);
            }
        });
        if (!exportLogs)
        {
            services.AddLogging(logging => logging.AddFilter<OpenTelemetryLoggerProvider>(category: null, LogLevel.None));
        }

        if (string.IsNullOrEmpty(configuration[ServiceNameVariable]) && string.IsNullOrEmpty(configuration[AppServiceSiteNameVariable]))
        {
            // Off Azure the resource would be "unknown_service"; on App Service and Functions the detectors name the site.
            services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(DefaultServiceName));
        }

        services.ConfigureOpenTelemetryMeterProvider(metrics =>
        {
            metrics.AddMeter(ArchiveForecastTelemetry.MeterName);
            if (collectAspNetCoreRequests)
            {
                metrics.AddMeter([.. AspNetCoreMeters]);
            }
        });
        services.ConfigureOpenTelemetryTracerProvider(tracing =>
        {
            tracing.AddSource(ArchiveForecastTelemetry.ActivitySourceName);
            if (collectAspNetCoreRequests)
            {
                tracing.AddSource(AspNetCoreActivitySource);
            }
        });
        return services;
    }
}
