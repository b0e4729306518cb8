using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.DependencyInjection;
using ArchiveForecast.Training.DependencyInjection;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Tests.DependencyInjection;

[TestFixture]
public sealed class AzureClientsServiceCollectionExtensionsTests
{
    private const string AzuriteConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

    [Test]
    public void Containers_OfEachSection_AreBuiltFromTheirOwnSettings()
    {
        using var services = Build(
            ("ModelStore:ContainerUri", "https://models.blob.core.windows.net/models"),
            ("TrainingData:ConnectionString", AzuriteConnectionString),
            ("Predictions:ContainerUri", "https://outputs.blob.core.windows.net/scored"),
            ("Predictions:ManagedIdentityClientId", "11111111-2222-3333-4444-555555555555"));
        var containers = services.GetRequiredService<IAzureClientFactory<BlobContainerClient>>();
        var first = containers.CreateClient("ModelStore");
        var second = containers.CreateClient("ModelStore");

        Assert.Multiple(() =>
        {
            Assert.That(first.Uri, Is.EqualTo(new Uri("https://models.blob.core.windows.net/models")));
            Assert.That(containers.CreateClient("TrainingData").Uri, Is.EqualTo(new Uri("http://127.0.0.1:10000/devstoreaccount1/training-data")));
            Assert.That(containers.CreateClient("Predictions").Uri, Is.EqualTo(new Uri("https://outputs.blob.core.windows.net/scored")));
            Assert.That(second, Is.SameAs(first), "one client per section");
        });
    }

    [Test]
    public void Containers_OfSectionsNotConfigured_AreNotNeededUntilUsed()
    {
        using var services = Build();

        var containers = services.GetRequiredService<IAzureClientFactory<BlobContainerClient>>();

        Assert.That(
            () => containers.CreateClient("Predictions"),
            Throws.InvalidOperationException.With.Message.Contains("Neither Predictions:ContainerUri nor Predictions:ConnectionString"));
    }

    [Test]
    public void EveryClient_HasTheOneBoundedRetryPolicy()
    {
        using var services = Build();

        var blob = services.GetRequiredService<IOptionsMonitor<BlobClientOptions>>();
        var queue = services.GetRequiredService<IOptionsMonitor<QueueClientOptions>>();
        RetryOptions[] policies = [blob.Get("ModelStore").Retry, blob.Get("TrainingData").Retry, blob.Get("Predictions").Retry, queue.Get("RetrainQueue").Retry];

        Assert.That(
            policies.Select(r => (r.Mode, r.MaxRetries, r.MaxDelay)),
            Is.All.EqualTo((RetryMode.Exponential, 2, TimeSpan.FromSeconds(2))));
    }

    [Test]
    public void EveryClient_LeavesRequestLoggingToTheStores()
    {
        using var services = Build();

        var blob = services.GetRequiredService<IOptionsMonitor<BlobClientOptions>>();
        var queue = services.GetRequiredService<IOptionsMonitor<QueueClientOptions>>();

        Assert.Multiple(() =>
        {
            Assert.That(blob.Get("ModelStore").Diagnostics.IsLoggingEnabled, Is.False);
            Assert.That(queue.Get("RetrainQueue").Diagnostics.IsLoggingEnabled, Is.False);
        });
    }

    [Test]
    public void Queue_SendsBase64_AsTheFunctionsTriggerExpects()
    {
        using var services = Build(("RetrainQueue:ConnectionString", AzuriteConnectionString), ("RetrainQueue:QueueName", "jobs"));

        var queue = services.GetRequiredService<IAzureClientFactory<QueueClient>>().CreateClient("RetrainQueue");
        var options = services.GetRequiredService<IOptionsMonitor<QueueClientOptions>>().Get("RetrainQueue");

        Assert.Multiple(() =>
        {
            Assert.That(queue.Name, Is.EqualTo("jobs"));
            Assert.That(options.MessageEncoding, Is.EqualTo(QueueMessageEncoding.Base64));
        });
    }

    [Test]
    public void Registering_Twice_AddsEachClientOnce()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();

        services.AddArchiveForecastAzureClients(configuration);
        int once = services.Count;
        services.AddArchiveForecastAzureClients(configuration);

        Assert.That(services, Has.Count.EqualTo(once));
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddArchiveForecastCore(configuration, HostProfile.Command)
            .AddArchiveForecastTraining(configuration, HostProfile.Command)
            .AddArchiveForecastAzureClients(configuration)
            .BuildServiceProvider();
    }
}
