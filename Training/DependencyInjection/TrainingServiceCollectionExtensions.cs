using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Jobs;
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
    /// <see cref="TrainingRunner"/>, <see cref="RetrainCoordinator"/>, <see cref="RetrainJobHandler"/> and the training
    /// data source. Needs the registry (<c>AddArchiveForecastCore</c>). With <paramref name="useInProcessQueue"/> it
    /// also registers the in-process retraining queue and its worker (for <c>serve</c>); otherwise an
    /// <see cref="IRetrainQueue"/> must come from elsewhere (the Azure Storage queue).
    /// </summary>
    public static IServiceCollection AddArchiveForecastTraining(this IServiceCollection services, IConfiguration configuration, bool useInProcessQueue = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TrainingOptions>().Bind(configuration.GetSection(TrainingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrainingOptions>, TrainingOptionsValidator>());
        services.AddOptions<TrainingDataOptions>().Bind(configuration.GetSection(TrainingDataOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrainingDataOptions>, TrainingDataOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrainingRunner>();
        services.TryAddSingleton<RetrainCoordinator>();
        services.TryAddSingleton<RetrainJobHandler>();
        services.TryAddSingleton(sp => TrainingDataSourceFactory.Create(sp.GetRequiredService<IOptions<TrainingDataOptions>>()));

        if (useInProcessQueue)
        {
            services.TryAddSingleton<InProcessRetrainQueue>();
            services.TryAddSingleton<IRetrainQueue>(sp => sp.GetRequiredService<InProcessRetrainQueue>());
            services.AddHostedService<RetrainWorker>();
        }

        return services;
    }
}
