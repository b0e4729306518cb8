using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace ArchiveForecast.Api.Hosting;

/// <summary>Maps the API on an ASP.NET Core host.</summary>
public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every route of <see cref="ApiRoutes"/> to its handler; each endpoint carries its <see cref="ApiRoute"/> as
    /// metadata, which the key middleware reads for the route's level.
    /// </summary>
    public static IEndpointRouteBuilder MapArchiveForecastApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var route in ApiRoutes.All)
        {
            endpoints
                .MapMethods(route.Path, [route.Method], async context =>
                {
                    var result = await route.InvokeAsync(context.RequestServices, ApiCall.FromRouteValues(context));
                    await result.ExecuteAsync(context);
                })
                .WithName(route.Name)
                .WithDisplayName($"{route.Method} {route.Path}")
                .WithMetadata(route);
        }

        return endpoints;
    }
}
