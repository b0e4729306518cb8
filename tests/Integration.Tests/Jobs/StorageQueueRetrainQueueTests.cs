using System.Text;
using System.Text.Json;
using ArchiveForecast.Training.Retraining;
using Azure.Storage.Queues;

namespace ArchiveForecast.Integration.Tests.Jobs;

[Category("Integration")]
public sealed class StorageQueueRetrainQueueTests
{
    private static AzuriteInstance Azurite => SharedAzurite.Instance;

    [Test]
    public async Task EnqueueAsync_ComposedWithAConnectionString_CreatesTheQueueAndSendsBase64SnakeCaseJson()
    {
        var name = QueueName();
        using var services = Composed(name);
        var queue = services.GetRequiredService<IRetrainQueue>();
        var request = new RetrainRequest(RunId.Parse("run-20260301-abc"), ModelName.Parse("archive-forecast"), DatasetPath.Parse("2026/archive.csv"), "http");

        await queue.EnqueueAsync(request, CancellationToken.None);

        // Read the raw wire text, as the Functions host does before it Base64-decodes for the trigger.
        var raw = new QueueClient(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var message = (await raw.ReceiveMessageAsync()).Value;
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        using var document = JsonDocument.Parse(json);
        Assert.Multiple(() =>
        {
            Assert.That(document.RootElement.GetProperty("run_id").GetString(), Is.EqualTo("run-20260301-abc"));
            Assert.That(document.RootElement.GetProperty("model_name").GetString(), Is.EqualTo("archive-forecast"));
            Assert.That(document.RootElement.GetProperty("dataset").GetString(), Is.EqualTo("2026/archive.csv"));
            Assert.That(document.RootElement.GetProperty("trigger").GetString(), Is.EqualTo("http"));
            Assert.That(RetrainMessage.Deserialize(json), Is.EqualTo(RetrainMessage.From(request)));
        });
    }

    [Test]
    public async Task EnqueueAsync_ManyRequests_AllArriveOnce()
    {
        var name = QueueName();
        using var services = Composed(name);
        var queue = services.GetRequiredService<IRetrainQueue>();

        for (var i = 0; i < 5; i++)
        {
            await queue.EnqueueAsync(new RetrainRequest(RunId.Parse($"run-{i}"), ModelName.Parse("archive-forecast"), null, "timer"), CancellationToken.None);
        }

        var reader = new QueueClient(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = StorageQueueRetrainQueue.MessageEncoding });
        var messages = (await reader.ReceiveMessagesAsync(maxMessages: 32)).Value;
        Assert.That(messages.Select(m => RetrainMessage.Deserialize(m.MessageText).RunId), Is.EquivalentTo(Enumerable.Range(0, 5).Select(i => $"run-{i}")));
    }

    private static ServiceProvider Composed(string queueName) =>
        ComposedServices.Build(new Dictionary<string, string?>
        {
            ["RetrainQueue:ConnectionString"] = Azurite.ConnectionString,
            ["RetrainQueue:QueueName"] = queueName,
        });

    private static string QueueName() => $"retrain-{Guid.NewGuid():N}"[..24];
}
