using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Training.Batch;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Retraining;
using Azure.Core.Extensions;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.DependencyInjection;

/// <summary>The one place where the service's Azure clients are registered.</summary>
public static class AzureClientsServiceCollectionExtensions
{
    private const string ModelStoreClientIdKey = $"{ModelStoreOptions.SectionName}:{nameof(ModelStoreOptions.ManagedIdentityClientId)}";

    /// <summary>
    /// Registers every Azure client of the service with <c>AddAzureClients</c>: the blob containers named
    /// <see cref="ModelStoreOptions.SectionName"/>, <see cref="TrainingDataOptions.SectionName"/> and
    /// <see cref="PredictionsOptions.SectionName"/> (<see cref="IAzureClientFactory{TClient}"/> of
    /// <see cref="BlobContainerClient"/>) and the queue named <see cref="RetrainQueueOptions.SectionName"/>
    /// (<see cref="QueueClient"/>). Each is built on first use from its section's validated options, a URL with managed
    /// identity or a connection string, so a section that is not configured needs no settings. One credential serves
    /// them all (<see cref="AzureCredentialFactory"/> for <c>ModelStore:ManagedIdentityClientId</c>, the system-assigned
    /// identity when unset); a section that names another user-assigned identity gets that identity's credential. One
    /// retry policy (<see cref="AzureRetry"/>) is every client's default. Calling it again adds nothing.
    /// </summary>
    public static IServiceCollection AddArchiveForecastAzureClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(AzureClientsMarker)))
        {
            return services;
        }

        services.AddSingleton<AzureClientsMarker>();
        string? defaultIdentity = Normalize(configuration[ModelStoreClientIdKey]);
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(_ => AzureCredentialFactory.Create(defaultIdentity));
            clients.ConfigureDefaults(options =>
            {
                AzureRetry.Apply(options);

                // AddAzureClients forwards the SDK's events to ILogger. Without this, every request would be logged, and
                // every expected 404 (a pointer not written yet, polled each interval) would be a warning; failures reach
                // the logs as the stores' own messages, naming the store and the reason.
                options.Diagnostics.IsLoggingEnabled = false;
            });

            AddContainer<ModelStoreOptions>(clients, configuration, ModelStoreOptions.SectionName, defaultIdentity, (o, identity) =>
                new BlobContainerSettings(ModelStoreOptions.SectionName, o.ContainerUri, o.ConnectionString, o.ContainerName, identity));
            AddContainer<TrainingDataOptions>(clients, configuration, TrainingDataOptions.SectionName, defaultIdentity, (o, identity) =>
                new BlobContainerSettings(TrainingDataOptions.SectionName, o.ContainerUri, o.ConnectionString, o.ContainerName, identity));
            AddContainer<PredictionsOptions>(clients, configuration, PredictionsOptions.SectionName, defaultIdentity, (o, identity) =>
                new BlobContainerSettings(PredictionsOptions.SectionName, o.ContainerUri, o.ConnectionString, o.ContainerName, identity));

            var queue = clients
                .AddClient<QueueClient, QueueClientOptions>((options, credential, provider) =>
                    StorageQueueRetrainQueue.CreateClient(provider.GetRequiredService<IOptions<RetrainQueueOptions>>().Value, credential, options))
                .WithName(RetrainQueueOptions.SectionName)
                .ConfigureOptions(options => options.MessageEncoding = StorageQueueRetrainQueue.MessageEncoding);
            WithOwnIdentity(queue, configuration, RetrainQueueOptions.SectionName, defaultIdentity);
        });

        return services;
    }

    private static void AddContainer<TOptions>(
        AzureClientFactoryBuilder clients,
        IConfiguration configuration,
        string sectionName,
        string? defaultIdentity,
        Func<TOptions, string?, BlobContainerSettings> settings)
        where TOptions : class
    {
        string? identity = OwnIdentity(configuration, sectionName) ?? defaultIdentity;
        var container = clients
            .AddClient<BlobContainerClient, BlobClientOptions>((options, credential, provider) =>
                BlobContainerClientFactory.Create(
                    settings(provider.GetRequiredService<IOptions<TOptions>>().Value, identity),
                    credential,
                    options,
                    (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(BlobContainerClientFactory))))
            .WithName(sectionName);
        WithOwnIdentity(container, configuration, sectionName, defaultIdentity);
    }

    // Only a section that names a user-assigned identity other than the default one gets a credential of its own.
    private static void WithOwnIdentity<TClient, TOptions>(
        IAzureClientBuilder<TClient, TOptions> client, IConfiguration configuration, string sectionName, string? defaultIdentity)
        where TOptions : class
    {
        if (OwnIdentity(configuration, sectionName) is { } own && !string.Equals(own, defaultIdentity, StringComparison.OrdinalIgnoreCase))
        {
            client.WithCredential(_ => AzureCredentialFactory.Create(own));
        }
    }

    private static string? OwnIdentity(IConfiguration configuration, string sectionName) =>
        Normalize(configuration[$"{sectionName}:{nameof(ModelStoreOptions.ManagedIdentityClientId)}"]);

    private static string? Normalize(string? clientId) => string.IsNullOrWhiteSpace(clientId) ? null : clientId.Trim();

    private sealed class AzureClientsMarker;
}
