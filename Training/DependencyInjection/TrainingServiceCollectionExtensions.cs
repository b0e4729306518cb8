using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Pipeline;
using ArchiveForecast.Training.Retraining;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.DependencyInjection;

/// <summary>The wiring of the Training layer.</summary>
public static class TrainingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the training pipeline: options (<c>Training</c>, <c>TrainingData</c>; validated on start), the
    /// <see cref="TrainingRunner"/>, <see cref="RetrainCoordinator"/>, <see cref="RetrainJob"/> and the training
    /// data source. Needs the registry (<c>AddArchiveForecastCore</c>). On <see cref="HostProfile.Server"/> (<c>serve</c>,
    /// which has no queue trigger) this process also runs the retraining work: the in-process queue and its
    /// <see cref="InProcessRetrainWorker"/>. When the <c>RetrainQueue</c> section names a storage queue
    /// (<c>QueueServiceUri</c> with managed identity, or <c>ConnectionString</c>), that queue is the
    /// <see cref="IRetrainQueue"/> instead, and on <see cref="HostProfile.Server"/> a
    /// <see cref="StorageQueueRetrainWorker"/> consumes it. Blob-backed training data (<c>TrainingData:ContainerUri</c> or
    /// <c>ConnectionString</c>) and the storage queue take their clients from <c>AddArchiveForecastAzureClients</c>.
    /// </summary>
    public static IServiceCollection AddArchiveForecastTraining(this IServiceCollection services, IConfiguration configuration, HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        bool runsRetraining = profile == HostProfile.Server;
        services.AddOptions<TrainingOptions>().Bind(configuration.GetSection(TrainingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrainingOptions>, TrainingOptionsValidator>());
        services.AddOptions<TrainingDataOptions>().Bind(configuration.GetSection(TrainingDataOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrainingDataOptions>, TrainingDataOptionsValidator>());

        services.AddOptions<RetrainQueueOptions>().Bind(configuration.GetSection(RetrainQueueOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetrainQueueOptions>, RetrainQueueOptionsValidator>());
        bool storageQueue = configuration.GetSection(RetrainQueueOptions.SectionName).Get<RetrainQueueOptions>() is { IsConfigured: true };
        if (storageQueue)
        {
            services.TryAddSingleton(sp => new StorageQueueRetrainQueue(
                (sp.GetService<IAzureClientFactory<QueueClient>>() ?? throw NoAzureClients()).CreateClient(RetrainQueueOptions.SectionName),
                createIfMissing: true));
            services.TryAddSingleton<IRetrainQueue>(sp => sp.GetRequiredService<StorageQueueRetrainQueue>());
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrainingRunner>();
        services.TryAddSingleton<RetrainCoordinator>();
        services.TryAddSingleton<RetrainJob>();
        services.TryAddSingleton<RetrainMessageConsumer>();
        services.TryAddSingleton(sp => TrainingDataSourceFactory.Create(
            sp.GetRequiredService<IOptions<TrainingDataOptions>>(),
            sp.GetService<IAzureClientFactory<BlobContainerClient>>()));
        services.AddArchiveForecastBatchScoring(configuration);

        if (runsRetraining && storageQueue)
        {
            // serve has no Functions host to run the queue trigger, so it consumes the storage queue itself.
            services.AddHostedService<StorageQueueRetrainWorker>();
        }
        else if (runsRetraining)
        {
            services.TryAddSingleton<InProcessRetrainQueue>();
            services.TryAddSingleton<IRetrainQueue>(sp => sp.GetRequiredService<InProcessRetrainQueue>());
            services.AddHostedService<InProcessRetrainWorker>();
            services.AddHostedService<InProcessBatchWorker>();
        }

        return services;
    }

    private static InvalidOperationException NoAzureClients() =>
        new($"{RetrainQueueOptions.SectionName} names a storage queue, but no Azure clients are registered: call AddArchiveForecastAzureClients.");
}
