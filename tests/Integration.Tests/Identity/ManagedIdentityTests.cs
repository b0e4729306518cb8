using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ArchiveForecast.Integration.Tests.Processes;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace ArchiveForecast.Integration.Tests.Identity;

/// <summary>
/// The production path, for real: a blob container URL and nothing else (no key, no connection string), so the CLI
/// authenticates with <c>ManagedIdentityCredential</c> against a loopback App Service identity endpoint, and Azurite
/// (HTTPS, <c>--oauth basic</c>) checks every bearer token's issuer, audience and lifetime. Each command is its own
/// process (<c>serve</c> included, long-running): environment variables and token caches are per process, so a bad
/// token cannot leak into a good case.
/// </summary>
[Category("Integration")]
[Category("Slow")]
public sealed class ManagedIdentityTests
{
    private const string Container = "models";
    private const string FunctionKey = "function-key-for-the-served-identity-test";
    private const string AdminKey = "admin-key-for-the-served-identity-test";
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(90);

    private const string Instances = """
        {"instances":[
          {"month":"2025-06-01","total_files":12000,"avg_file_size_mb":2.5,"pct_pdf":0.5,"pct_docx":0.3,"pct_xlsx":0.1,"archive_frequency_per_day":40},
          {"month":"2025-12-01","total_files":800,"avg_file_size_mb":0.7,"pct_pdf":0.2,"pct_docx":0.2,"pct_xlsx":0.2,"archive_frequency_per_day":3}
        ]}
        """;

    private TestCertificate certificate = null!;
    private AzuriteInstance azurite = null!;

    [OneTimeSetUp]
    public async Task StartSecureAzurite()
    {
        // An Azurite of its own: HTTPS with a test certificate and OAuth, which the shared (plain HTTP, shared key)
        // instance does not have and the others do not need.
        certificate = TestCertificate.Create(TimeProvider.System);
        azurite = await AzuriteInstance.StartAsync(new AzuriteSettings(certificate, OAuth: true));

        // In Azure, Terraform creates the container and the app's identity cannot; here the test plays Terraform with the account key.
        await AdminContainer(Container).CreateIfNotExistsAsync();
    }

    [OneTimeTearDown]
    public async Task StopSecureAzurite()
    {
        await azurite.DisposeAsync();
        certificate.Dispose();
    }

    [Test]
    public async Task TrainVersionsAndPredict_WithOnlyAContainerUrl_AuthenticateThroughTheManagedIdentityEndpoint()
    {
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(IssuedToken.Valid, TimeProvider.System);
        var store = azurite.ContainerUri(Container).ToString();
        using var work = new TempFolder();

        await File.WriteAllTextAsync(work.File("input.json"), Instances);

        var train = await CliProcess.RunAsync(["train", "--synthetic", "600", "--store", store, "--json"], Environment(identity), work.Path);
        var versions = await CliProcess.RunAsync(["versions", "--store", store, "--json"], Environment(identity), work.Path);
        var predict = await CliProcess.RunAsync(
            ["predict", "--input", work.File("input.json"), "--out", work.File("out.json"), "--store", store], Environment(identity), work.Path);

        Assert.Multiple(() =>
        {
            Assert.That(train.ExitCode, Is.Zero, train.ToString());
            Assert.That(versions.ExitCode, Is.Zero, versions.ToString());
            Assert.That(predict.ExitCode, Is.Zero, predict.ToString());
            Assert.That(identity.Requests, Is.Not.Empty.And.All.EqualTo("https://storage.azure.com"));
        });
        using var predictions = JsonDocument.Parse(await File.ReadAllTextAsync(work.File("out.json")));
        var pointer = await AdminContainer(Container).GetBlobClient("archive-forecast/current.json").DownloadContentAsync();
        using var document = JsonDocument.Parse(pointer.Value.Content.ToMemory());
        Assert.Multiple(() =>
        {
            Assert.That(document.RootElement.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(predictions.RootElement.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(predictions.RootElement.GetProperty("predictions").GetArrayLength(), Is.EqualTo(2));
            Assert.That(
                predictions.RootElement.GetProperty("predictions")[0].GetProperty("archived_gb_next_period").GetDouble(),
                Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task Train_WhenTheContainerDoesNotExistYet_CreatesItThroughTheIdentity()
    {
        const string FreshContainer = "fresh-models";
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(IssuedToken.Valid, TimeProvider.System);
        var store = azurite.ContainerUri(FreshContainer).ToString();
        using var work = new TempFolder();
        bool existedBefore = (await AdminContainer(FreshContainer).ExistsAsync()).Value;

        var train = await CliProcess.RunAsync(["train", "--synthetic", "600", "--store", store], Environment(identity), work.Path);
        bool existsAfter = (await AdminContainer(FreshContainer).ExistsAsync()).Value;
        bool pointer = (await AdminContainer(FreshContainer).GetBlobClient("archive-forecast/current.json").ExistsAsync()).Value;

        Assert.Multiple(() =>
        {
            Assert.That(existedBefore, Is.False);
            Assert.That(train.ExitCode, Is.Zero, train.ToString());
            Assert.That(existsAfter, Is.True);
            Assert.That(pointer, Is.True);
        });
    }

    [Test]
    public async Task Serve_WithOnlyAContainerUrl_ServesAndReloadsNewVersionsThroughTheManagedIdentityEndpoint()
    {
        // Its own container, so the versions it trains do not depend on (or disturb) the other tests' order.
        const string ServedContainer = "served-models";
        await AdminContainer(ServedContainer).CreateIfNotExistsAsync();
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(IssuedToken.Valid, TimeProvider.System);
        var store = azurite.ContainerUri(ServedContainer).ToString();
        using var work = new TempFolder();
        var first = await CliProcess.RunAsync(["train", "--synthetic", "600", "--store", store], Environment(identity), work.Path);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());

        await using var server = await CliServer.StartAsync(["--port", "0", "--store", store], ServeEnvironment(identity), work.Path);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var health = await WaitUntilHealthyAsync(http, server);
        var (firstStatus, firstPrediction) = await SendAsync(http, HttpMethod.Post, "api/predict", FunctionKey, Instances);
        var second = await CliProcess.RunAsync(
            ["train", "--synthetic", "600", "--seed", "7", "--promote", "force", "--store", store], Environment(identity), work.Path);
        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        var (reloadStatus, reload) = await SendAsync(http, HttpMethod.Post, "api/model/reload", AdminKey);
        var (secondStatus, secondPrediction) = await SendAsync(http, HttpMethod.Post, "api/predict", FunctionKey, Instances);

        Assert.Multiple(() =>
        {
            Assert.That(health.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1), server.Output);
            Assert.That(firstStatus, Is.EqualTo(HttpStatusCode.OK), $"{firstPrediction}\n{server.Output}");
            Assert.That(firstPrediction.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(firstPrediction.GetProperty("predictions").GetArrayLength(), Is.EqualTo(2));
            Assert.That(
                firstPrediction.GetProperty("predictions")[0].GetProperty("archived_gb_next_period").GetDouble(),
                Is.GreaterThan(0));
            Assert.That(reloadStatus, Is.EqualTo(HttpStatusCode.OK), $"{reload}\n{server.Output}");
            Assert.That(reload.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(reload.GetProperty("changed").GetBoolean(), Is.True);
            Assert.That(secondStatus, Is.EqualTo(HttpStatusCode.OK), $"{secondPrediction}\n{server.Output}");
            Assert.That(secondPrediction.GetProperty("model").GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(secondPrediction.GetProperty("predictions").GetArrayLength(), Is.EqualTo(2));
            Assert.That(server.HasExited, Is.False, server.Output);
            Assert.That(identity.Requests, Is.Not.Empty.And.All.EqualTo("https://storage.azure.com"));
        });
    }

    [Test]
    public async Task Serve_BatchJob_GoesThroughTheStorageQueueAndWritesTheOutput_WithOnlyUrlsAndTheManagedIdentity()
    {
        // Its own containers and queue; Terraform's part (the containers) played with the account key, the rest through the identity.
        const string Models = "batch-models";
        const string Data = "batch-data";
        const string Predictions = "batch-predictions";
        const string Dataset = "plant-07/2026-11.csv";
        const int Rows = 700;
        foreach (var name in new[] { Models, Data, Predictions })
        {
            await AdminContainer(name).CreateIfNotExistsAsync();
        }

        using (var csv = new MemoryStream())
        {
            await TrainingDataCsvWriter.WriteAsync(SyntheticDataGenerator.Generate(Rows, 41), csv, CancellationToken.None);
            csv.Position = 0;
            await AdminContainer(Data).GetBlobClient(Dataset).UploadAsync(csv);
        }

        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(IssuedToken.Valid, TimeProvider.System);
        var store = azurite.ContainerUri(Models).ToString();
        using var work = new TempFolder();
        var train = await CliProcess.RunAsync(["train", "--synthetic", "600", "--store", store], Environment(identity), work.Path);
        Assert.That(train.ExitCode, Is.Zero, train.ToString());
        var environment = new Dictionary<string, string>(ServeEnvironment(identity))
        {
            ["TrainingData__ContainerUri"] = azurite.ContainerUri(Data).ToString(),
            ["Predictions__ContainerUri"] = azurite.ContainerUri(Predictions).ToString(),
            ["RetrainQueue__QueueServiceUri"] = azurite.QueueServiceUri.ToString(),
            ["RetrainQueue__QueueName"] = "batch-jobs",
            ["RetrainQueue__MaxPollingInterval"] = "00:00:01",
        };

        await using var server = await CliServer.StartAsync(["--port", "0", "--store", store], environment, work.Path);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilHealthyAsync(http, server);
        var (status, accepted) = await SendAsync(http, HttpMethod.Post, "api/batch", FunctionKey, $$"""{"dataset":"{{Dataset}}"}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), $"{accepted}\n{server.Output}");
        string runId = accepted.GetProperty("run_id").GetString()!;
        var run = await WaitForRunAsync(http, accepted.GetProperty("status_url").GetString()!.TrimStart('/'));
        var input = (await AdminContainer(Data).GetBlobClient(Dataset).DownloadContentAsync()).Value.Content.ToString().TrimEnd('\n').Split('\n');
        var output = (await AdminContainer(Predictions).GetBlobClient($"archive-forecast/{runId}.csv").DownloadContentAsync()).Value.Content.ToString().TrimEnd('\n').Split('\n');
        bool summary = (await AdminContainer(Predictions).GetBlobClient($"archive-forecast/{runId}.summary.json").ExistsAsync()).Value;

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("succeeded"), $"{run}\n{server.Output}");
            Assert.That(run.GetProperty("kind").GetString(), Is.EqualTo("batch"));
            Assert.That(run.GetProperty("rows_scored").GetInt64(), Is.EqualTo(Rows));
            Assert.That(run.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(output, Has.Length.EqualTo(Rows + 1), "a header and one scored row per input row");
            Assert.That(output.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(input.Skip(1).Select(l => l.Split(',')[0])), "ids carried through, in order");
            Assert.That(summary, Is.True);
            Assert.That(identity.Requests, Is.Not.Empty.And.All.EqualTo("https://storage.azure.com"));
        });
    }

    [TestCase(IssuedToken.WrongAudience, "403", "Invalid token audience")]
    [TestCase(IssuedToken.Expired, "ManagedIdentityCredential", "ExpiresOn")]
    public async Task AnyCommand_WhenTheTokenIsUnusable_FailsNamingTheStoreAndTheReason(IssuedToken token, string failure, string reason)
    {
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(token, TimeProvider.System);
        var store = azurite.ContainerUri(Container).ToString();
        using var work = new TempFolder();

        var result = await CliProcess.RunAsync(["versions", "--store", store], Environment(identity), work.Path);

        TestContext.Out.WriteLine(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.StandardError, Does.Contain(store.TrimEnd('/')).And.Contain(failure).And.Contain(reason), result.ToString());
            Assert.That(identity.Requests, Is.Not.Empty);
        });
    }

    private Dictionary<string, string> Environment(FakeManagedIdentityEndpoint identity) =>
        new(identity.Environment)
        {
            // The child's TLS trust store is the throwaway certificate alone (.NET on Linux reads SSL_CERT_FILE through OpenSSL).
            ["SSL_CERT_FILE"] = certificate.CertificatePemPath,
        };

    /// <summary>What a container deployment of serve is given: the identity environment and its API keys, nothing else.</summary>
    private Dictionary<string, string> ServeEnvironment(FakeManagedIdentityEndpoint identity) =>
        new(Environment(identity))
        {
            ["Auth__FunctionKeys__0"] = FunctionKey,
            ["Auth__AdminKeys__0"] = AdminKey,

            // Polling off: the new version must arrive through the admin reload route, not by a timer's luck.
            ["ModelStore__ReloadInterval"] = "00:00:00",
        };

    private static async Task<JsonElement> WaitForRunAsync(HttpClient http, string statusPath)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var (status, run) = await SendAsync(http, HttpMethod.Get, statusPath, FunctionKey);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), run.ToString());
            if (run.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static async Task<JsonElement> WaitUntilHealthyAsync(HttpClient http, CliServer server)
    {
        var last = "no answer yet";
        var healthy = await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    var (status, body) = await SendAsync(http, HttpMethod.Get, "api/health", key: null, cancellationToken: CancellationToken.None);
                    last = $"{(int)status} {body}";
                    return status == HttpStatusCode.OK ? body : (JsonElement?)null;
                }
                catch (HttpRequestException ex)
                {
                    last = ex.Message;
                    return null;
                }
            },
            body => body is not null || server.HasExited,
            HealthyWithin,
            TimeSpan.FromMilliseconds(250));

        Assert.That(healthy, Is.Not.Null, $"serve was not healthy within {HealthyWithin.TotalSeconds} s (last: {last}; exited: {server.HasExited}):\n{server.Output}");
        return healthy!.Value;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        HttpClient http,
        HttpMethod method,
        string path,
        string? key,
        string? json = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }

    private BlobContainerClient AdminContainer(string name) =>
        new(azurite.ConnectionString, name, new BlobClientOptions { Transport = new HttpClientTransport(certificate.CreatePinnedHandler()) });
}
