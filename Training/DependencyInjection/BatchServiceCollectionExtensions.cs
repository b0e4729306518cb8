using ArchiveForecast.Training.Batch;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.DependencyInjection;

/// <summary>The wiring of batch scoring, part of the Training layer.</summary>
public static class BatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers batch scoring: the <c>Predictions</c> options (validated on start), the predictions store (a folder, or
    /// a blob container whose client <c>AddArchiveForecastAzureClients</c> registers) and the <see cref="BatchJobRunner"/>. Needs the registry
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
            sp.GetService<IAzureClientFactory<BlobContainerClient>>()));
        services.TryAddSingleton<BatchJobRunner>();
        services.TryAddSingleton<BatchCoordinator>();
        return services;
    }
}
