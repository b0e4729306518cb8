using ArchiveForecast.Api.Handlers;
using ArchiveForecast.Api.Limits;
using ArchiveForecast.Api.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Hosting;

/// <summary>Registers the HTTP layer.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the handlers (both hosts inject them) and what they share. Needs the Core and Training registrations
    /// (<c>ModelCatalog</c>, <c>ModelRegistry</c>, <c>RetrainCoordinator</c>). Keys are not part of it: the Functions
    /// host enforces its own; the Kestrel host adds <see cref="AddArchiveForecastApiKeys"/>.
    /// </summary>
    public static IServiceCollection AddArchiveForecastApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PredictionLimitOptions>().BindConfiguration(PredictionLimitOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PredictionLimitOptions>, PredictionLimitOptionsValidator>());
        services.TryAddSingleton<PredictionLimiter>();
        services.TryAddSingleton<ModelLookup>();
        services.TryAddSingleton<PredictHandler>();
        services.TryAddSingleton<HealthHandler>();
        services.TryAddSingleton<ModelInfoHandler>();
        services.TryAddSingleton<VersionsHandler>();
        services.TryAddSingleton<ReloadHandler>();
        services.TryAddSingleton<PromoteHandler>();
        services.TryAddSingleton<ReleaseHandler>();
        services.TryAddSingleton<RollbackHandler>();
        services.TryAddSingleton<RetireHandler>();
        services.TryAddSingleton<RetrainHandler>();
        services.TryAddSingleton<RunsHandler>();
        services.TryAddSingleton<OpenApiHandler>();
        services.TryAddSingleton<UiHandler>();
        return services;
    }

    /// <summary>
    /// Registers the keys the Kestrel host checks (section <c>Auth</c>), validated at start: the host refuses to start
    /// without a key unless <c>Auth:AllowAnonymous</c> is true.
    /// </summary>
    public static IServiceCollection AddArchiveForecastApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddSingleton<KeyAuthorizer>();
        return services;
    }
}
