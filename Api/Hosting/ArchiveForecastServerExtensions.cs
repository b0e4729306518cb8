using ArchiveForecast.Api.Routing;
using ArchiveForecast.Api.Security;
using ArchiveForecast.Api.Telemetry;
using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.DependencyInjection;
using ArchiveForecast.Training.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace ArchiveForecast.Api.Hosting;

/// <summary>The composition of <c>archive-forecast serve</c>: its services, then its pipeline and routes.</summary>
public static class ArchiveForecastServerExtensions
{
    /// <summary>
    /// Registers every layer on the <see cref="HostProfile.Server"/> profile: Core with reload polling, Training with the
    /// retraining worker in this process, the Azure clients of the stores and queue, the handlers, the keys the host checks itself, and telemetry export.
    /// </summary>
    public static TBuilder AddArchiveForecastServer<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddArchiveForecastCore(builder.Configuration, HostProfile.Server);
        builder.Services.AddArchiveForecastTraining(builder.Configuration, HostProfile.Server);
        builder.Services.AddArchiveForecastAzureClients(builder.Configuration);
        builder.Services.AddArchiveForecastApi(builder.Configuration);
        builder.Services.AddArchiveForecastApiKeys(builder.Configuration);
        builder.Services.AddArchiveForecastTelemetry(builder.Configuration, HostProfile.Server);
        return builder;
    }

    /// <summary>
    /// The request pipeline (request telemetry, exceptions to problems, routing, problems for unmatched requests, key
    /// levels), then every route of <see cref="ApiRoutes"/> mapped to its handler. Each endpoint carries its
    /// <see cref="ApiRoute"/> as metadata, which the key middleware reads for the route's level.
    /// </summary>
    public static WebApplication MapArchiveForecastApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestActivityMiddleware>();
        app.UseMiddleware<ApiExceptionMiddleware>();
        app.UseRouting();
        app.UseMiddleware<UnmatchedRequestMiddleware>();
        app.UseMiddleware<KeyLevelMiddleware>();
        foreach (var route in ApiRoutes.All)
        {
            app.MapMethods(route.Path, [route.Method], async context =>
                {
                    var result = await route.InvokeAsync(context.RequestServices, ApiCall.FromRouteValues(context));
                    await result.ExecuteAsync(context);
                })
                .WithName(route.Name)
                .WithDisplayName($"{route.Method} {route.Path}")
                .WithMetadata(route);
        }

        return app;
    }
}
