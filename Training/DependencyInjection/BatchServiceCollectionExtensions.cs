using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Training.Batch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.DependencyInjection;

/// <summary>The wiring of batch scoring, part of the Training layer.</summary>
public static class BatchServiceCollectionExtensions
{
    private const string ModelStoreClientIdKey = $"{ModelStoreOptions.SectionName}:{nameof(ModelStoreOptions.ManagedIdentityClientId)}";

    /// <summary>
    /// Registers batch scoring: the <c>Predictions</c> options (validated on start), the predictions store (a folder, or
    /// a blob container reached like the training data) and the <see cref="BatchJobRunner"/>. Needs the registry
    /// (<c>AddArchiveForecastCore</c>) and the training data source (<c>AddArchiveForecastTraining</c>).
    /// </summary>
    public static IServiceCollection AddArchiveForecastBatchScoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PredictionsOptions>().Bind(configuration.GetSection(PredictionsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PredictionsOptions>, PredictionsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => PredictionStoreFactory.Create(
            sp.GetRequiredService<IOptions<PredictionsOptions>>().Value,
            configuration[ModelStoreClientIdKey]));
        services.TryAddSingleton<BatchJobRunner>();
        return services;
    }
}
