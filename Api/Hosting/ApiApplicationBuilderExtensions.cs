using ArchiveForecast.Api.Security;
using Microsoft.AspNetCore.Builder;

namespace ArchiveForecast.Api.Hosting;

/// <summary>The Kestrel host's request pipeline.</summary>
public static class ApiApplicationBuilderExtensions
{
    /// <summary>
    /// Exceptions to problems, routing, problems for unmatched requests, then key levels. Call before
    /// <see cref="ApiEndpointRouteBuilderExtensions.MapArchiveForecastApi"/>; needs
    /// <see cref="ApiServiceCollectionExtensions.AddArchiveForecastApiKeys"/>.
    /// </summary>
    public static IApplicationBuilder UseArchiveForecastApi(this IApplicationBuilder app)
    {
        app.UseMiddleware<ApiExceptionMiddleware>();
        app.UseRouting();
        app.UseMiddleware<UnmatchedRequestMiddleware>();
        app.UseMiddleware<KeyLevelMiddleware>();
        return app;
    }
}
