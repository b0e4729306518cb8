using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.DependencyInjection;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.DependencyInjection;
using ArchiveForecast.Training.Pipeline;
using ArchiveForecast.Training.Retraining;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Tests.Jobs;

[TestFixture]
public sealed class TrainingServicesTests
{
    private string root = null!;

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("af-di-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(root, recursive: true);

    private ServiceProvider Build(bool inProcessQueue, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))
                .Append(KeyValuePair.Create("ModelStore:Path", (string?)Path.Combine(root, "models")))
                .Append(KeyValuePair.Create("TrainingData:Path", (string?)Path.Combine(root, "data"))))
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddArchiveForecastCore(configuration, HostProfile.Command)
            .AddArchiveForecastTraining(configuration, inProcessQueue ? HostProfile.Server : HostProfile.Command)
            .AddArchiveForecastAzureClients(configuration)
            .BuildServiceProvider();
    }

    [Test]
    public void Add_WithTheInProcessQueue_ResolvesEveryTrainingService()
    {
        using var services = Build(inProcessQueue: true);

        Assert.Multiple(() =>
        {
            Assert.That(() => services.GetRequiredService<TrainingRunner>(), Throws.Nothing);
            Assert.That(() => services.GetRequiredService<RetrainCoordinator>(), Throws.Nothing);
            Assert.That(() => services.GetRequiredService<RetrainJob>(), Throws.Nothing);
            Assert.That(services.GetRequiredService<ITrainingDataSource>(), Is.InstanceOf<FolderTrainingDataSource>());
            Assert.That(services.GetRequiredService<IRetrainQueue>(), Is.SameAs(services.GetRequiredService<InProcessRetrainQueue>()));
            Assert.That(services.GetServices<IHostedService>().OfType<InProcessRetrainWorker>(), Has.Exactly(1).Items);
        });
    }

    [Test]
    public void Add_WithoutTheInProcessQueue_RegistersNoQueueOrWorker()
    {
        using var services = Build(inProcessQueue: false);

        Assert.Multiple(() =>
        {
            Assert.That(services.GetService<IRetrainQueue>(), Is.Null);
            Assert.That(services.GetServices<IHostedService>().OfType<InProcessRetrainWorker>(), Is.Empty);
        });
    }

    [Test]
    public void Add_WithTheInProcessQueueAndAStorageQueue_ConsumesTheStorageQueueInThisProcess()
    {
        using var services = Build(inProcessQueue: true, ("RetrainQueue:ConnectionString", "UseDevelopmentStorage=true"));

        var workers = services.GetServices<IHostedService>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<IRetrainQueue>(), Is.SameAs(services.GetRequiredService<StorageQueueRetrainQueue>()));
            Assert.That(workers.OfType<StorageQueueRetrainWorker>(), Has.Exactly(1).Items);
            Assert.That(workers.OfType<InProcessRetrainWorker>(), Is.Empty);
            Assert.That(services.GetService<InProcessRetrainQueue>(), Is.Null);
        });
    }

    [Test]
    public void Add_WithAStorageQueueButNoInProcessQueue_LeavesConsumingToTheQueueTrigger()
    {
        using var services = Build(inProcessQueue: false, ("RetrainQueue:ConnectionString", "UseDevelopmentStorage=true"));

        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<IRetrainQueue>(), Is.InstanceOf<StorageQueueRetrainQueue>());
            Assert.That(services.GetServices<IHostedService>(), Is.Empty);
        });
    }

    [Test]
    public void Options_FromConfiguration_AreBound()
    {
        using var services = Build(false, ("Training:Trainer", "fasttree"), ("Training:NumberOfTrees", "12"), ("Training:GateTolerance", "0.05"));

        var options = services.GetRequiredService<IOptions<TrainingOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Trainer, Is.EqualTo(Core.Modeling.TrainerKind.FastTree));
            Assert.That(options.ToTrainerSettings().NumberOfTrees, Is.EqualTo(12));
            Assert.That(options.GateTolerance, Is.EqualTo(0.05));
        });
    }

    [TestCase("Training:MaxRejectRatio", "1.5", "MaxRejectRatio")]
    [TestCase("Training:HoldoutFraction", "0.9", "HoldoutFraction")]
    [TestCase("Training:NumberOfTrees", "0", "NumberOfTrees")]
    [TestCase("Training:DefaultDataset", "../x.csv", "DefaultDataset")]
    [TestCase("TrainingData:ContainerName", "Bad_Name", "ContainerName")]
    [TestCase("RetrainQueue:MaxPollingInterval", "00:00:00", "MaxPollingInterval")]
    [TestCase("RetrainQueue:MaxPollingInterval", "01:00:00", "MaxPollingInterval")]
    [TestCase("RetrainQueue:RetryDelay", "-00:00:01", "RetryDelay")]
    [TestCase("RetrainQueue:RetryDelay", "02:00:00", "RetryDelay")]
    public void Options_InvalidSetting_FailsValidationNamingIt(string key, string value, string name)
    {
        using var services = Build(false, (key, value));

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(ex!.Message, Does.Contain(name));
    }

    [Test]
    public void DataSource_WithAContainerConnectionString_ReadsFromBlobStorage()
    {
        using var services = Build(false, ("TrainingData:ConnectionString", "UseDevelopmentStorage=true"));

        Assert.That(services.GetRequiredService<ITrainingDataSource>(), Is.InstanceOf<BlobTrainingDataSource>());
    }
}
