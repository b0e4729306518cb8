using System.Globalization;
using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.DependencyInjection;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Training.DependencyInjection;
using ArchiveForecast.Training.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Integration.Tests.Composition;

/// <summary>
/// The app as a host composes it (<c>AddArchiveForecastCore</c>, <c>AddArchiveForecastTraining</c>,
/// <c>AddArchiveForecastAzureClients</c>) over Azurite: models, training data, batch outputs and the retraining queue
/// all in storage, each test in its own containers and queue.
/// </summary>
public sealed class BlobWorld : IAsyncDisposable
{
    private readonly IHost host;
    private bool started;

    private BlobWorld(IHost host, AzuriteInstance azurite, string modelsContainer, string dataContainer, string queueName, CollectingLoggerProvider logs)
    {
        this.host = host;
        Azurite = azurite;
        ModelsContainer = modelsContainer;
        DataContainer = dataContainer;
        PredictionsContainer = dataContainer.Replace("training-data-", "predictions-", StringComparison.Ordinal);
        QueueName = queueName;
        Logs = logs;
    }

    public AzuriteInstance Azurite { get; }

    public string ModelsContainer { get; }

    public string DataContainer { get; }

    public string QueueName { get; }

    public string PredictionsContainer { get; }

    /// <summary>The predictions container as an operator with the account key sees it.</summary>
    public BlobContainerClient AdminPredictions => new(Azurite.ConnectionString, PredictionsContainer);

    public CollectingLoggerProvider Logs { get; }

    public IServiceProvider Services => host.Services;

    public ModelRegistry Registry => Services.GetRequiredService<ModelRegistry>();

    public ModelCatalog Catalog => Services.GetRequiredService<ModelCatalog>();

    /// <summary>The models container as an operator with the account key sees it (to tamper with blobs).</summary>
    public BlobContainerClient AdminModels => new(Azurite.ConnectionString, ModelsContainer);

    public static BlobWorld Create(AzuriteInstance azurite, TimeSpan reloadInterval, string? modelsContainer = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        modelsContainer ??= $"models-{suffix}";
        var dataContainer = $"training-data-{suffix}";
        var queueName = $"retrain-requests-{suffix}";
        var logs = new CollectingLoggerProvider();

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelStore:ConnectionString"] = azurite.ConnectionString,
            ["ModelStore:ContainerName"] = modelsContainer,
            ["ModelStore:ReloadInterval"] = reloadInterval.ToString("c", CultureInfo.InvariantCulture),
            ["TrainingData:ConnectionString"] = azurite.ConnectionString,
            ["TrainingData:ContainerName"] = dataContainer,
            ["RetrainQueue:ConnectionString"] = azurite.ConnectionString,
            ["RetrainQueue:QueueName"] = queueName,
            ["RetrainQueue:RetryDelay"] = "00:00:00",
            ["RetrainQueue:MaxPollingInterval"] = "00:00:00.200",
            ["Predictions:ConnectionString"] = azurite.ConnectionString,
            ["Predictions:ContainerName"] = $"predictions-{suffix}",
        });
        builder.Logging.AddProvider(logs);
        builder.Services.AddArchiveForecastCore(builder.Configuration, HostProfile.Functions);
        builder.Services.AddArchiveForecastTraining(builder.Configuration, HostProfile.Functions);
        builder.Services.AddArchiveForecastAzureClients(builder.Configuration);
        return new BlobWorld(builder.Build(), azurite, modelsContainer, dataContainer, queueName, logs);
    }

    /// <summary>Starts the hosted services: the model loader and its poller.</summary>
    public async Task StartServingAsync()
    {
        await host.StartAsync();
        started = true;
    }

    /// <summary>Trains on generated rows and publishes; promoted unless <paramref name="promote"/> says otherwise.</summary>
    public async Task<TrainingResult> TrainAsync(int seed, PromotePolicy promote = PromotePolicy.Force)
    {
        var rows = SyntheticDataGenerator.Generate(600, seed).ToList();
        var result = await Services.GetRequiredService<TrainingRunner>().RunAsync(
            new TrainingRun
            {
                ModelName = ModelName.Parse(ModelName.Default),
                Data = TrainingDataInput.FromRows($"synthetic seed {seed}", rows),
                Promote = promote,
                Trigger = TrainingTriggers.Cli,
            },
            CancellationToken.None);
        return result.Succeeded ? result : throw new InvalidOperationException($"Training failed: {result.Run.Reason}");
    }

    /// <summary>Uploads generated rows as a CSV dataset of the training-data container.</summary>
    public async Task UploadDatasetAsync(string dataset, int rows, int seed)
    {
        var container = new BlobContainerClient(Azurite.ConnectionString, DataContainer);
        await container.CreateIfNotExistsAsync();
        using var csv = new MemoryStream();
        await TrainingDataCsvWriter.WriteAsync(SyntheticDataGenerator.Generate(rows, seed), csv, CancellationToken.None);
        csv.Position = 0;
        await container.GetBlobClient(dataset).UploadAsync(csv, overwrite: true);
    }


    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(timeout.Token);
        }

        host.Dispose();
    }
}
