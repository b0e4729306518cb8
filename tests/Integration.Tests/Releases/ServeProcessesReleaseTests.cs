using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ArchiveForecast.Core.Releases;
using ArchiveForecast.Integration.Tests.Processes;

namespace ArchiveForecast.Integration.Tests.Releases;

/// <summary>
/// Two <c>archive-forecast serve</c> processes (the built CLI, each its own OS process) on one blob store in Azurite,
/// as two instances of a deployment are: a release started through one is followed by the other on its next poll of
/// the pointer, and a stop through the other is followed by the first.
/// </summary>
[TestFixture]
[Category("Integration")]
[Category("Slow")]
public sealed class ServeProcessesReleaseTests
{
    private const string FunctionKey = "function-key-for-release-processes";
    private const string AdminKey = "admin-key-for-release-processes";
    private const string Model = ModelName.Default;
    private const string ReleasePath = $"/api/models/{Model}/release";
    private const int Served = 1;
    private const int Candidate = 2;
    private const double Fraction = 0.25;
    private const int Requests = 400;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    [Test]
    public async Task TwoServeProcessesOnOneStore_FollowAReleaseStartedThroughOne_AndItsStopThroughTheOther()
    {
        await using var world = BlobWorld.Create(SharedAzurite.Instance, TimeSpan.Zero);
        await world.Registry.PublishAndPromoteAsync(Model, PublishableModels.First(Model, "run-served"));
        await world.Registry.PublishAsync(ModelName.Parse(Model), PublishableModels.Second(Model, "run-candidate"), CancellationToken.None);
        using var work = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["ModelStore__ConnectionString"] = SharedAzurite.Instance.ConnectionString,
            ["ModelStore__ContainerName"] = world.ModelsContainer,
            ["ModelStore__ReloadInterval"] = "00:00:00.500",
            ["Auth__FunctionKeys__0"] = FunctionKey,
            ["Auth__AdminKeys__0"] = AdminKey,
        };
        await using var first = await CliServer.StartAsync(["--port", "0"], environment, work.Path);
        await using var second = await CliServer.StartAsync(["--port", "0"], environment, work.Path);
        using var a = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var b = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Assert.That(await Eventually.TrueAsync(async () => await VersionAsync(a, null) == Served && await VersionAsync(b, null) == Served, Patience, Pause), Is.True,
            $"both serve version {Served}\n{first.Output}\n{second.Output}");

        var (startStatus, started) = await SendAsync(a, HttpMethod.Post, ReleasePath, AdminKey,
            string.Create(CultureInfo.InvariantCulture, $$"""{"version":{{Candidate}},"fraction":{{Fraction}},"mode":"split","max_latency_ratio":1000,"max_error_rate_increase":1}"""));
        bool secondFollows = await Eventually.TrueAsync(async () => await FollowingAsync(b), Patience, Pause);
        var (_, watchedOnSecond) = await SendAsync(b, HttpMethod.Get, ReleasePath, FunctionKey);

        int byCandidate = 0;
        for (int i = 0; i < Requests; i++)
        {
            if (await VersionAsync(b, null) == Candidate)
            {
                byCandidate++;
            }
        }

        var keys = Enumerable.Range(0, 16).Select(i => $"tenant-{i}").ToArray();
        var onFirst = new List<int>();
        var onSecond = new List<int>();
        foreach (string key in keys)
        {
            onFirst.Add(await VersionAsync(a, key));
            onSecond.Add(await VersionAsync(b, key));
        }

        var (stopStatus, _) = await SendAsync(b, HttpMethod.Delete, ReleasePath, AdminKey);
        string candidateKey = keys.First(k => ActiveRelease.Position(k) < Fraction);
        bool firstEnds = await Eventually.TrueAsync(
            async () => (await SendAsync(a, HttpMethod.Get, ReleasePath, FunctionKey)).Status == HttpStatusCode.NotFound && await VersionAsync(a, candidateKey) == Served,
            Patience,
            Pause);

        string id = started.GetProperty("release").GetProperty("id").GetString()!;
        var pointer = await world.Registry.GetPointerAsync(ModelName.Parse(Model), CancellationToken.None);
        var record = await new ReleaseRegistry(world.Registry, TimeProvider.System).GetRecordAsync(ModelName.Parse(Model), id, CancellationToken.None);
        string output = $"\nfirst:\n{first.Output}\nsecond:\n{second.Output}";
        Assert.Multiple(() =>
        {
            Assert.That(startStatus, Is.EqualTo(HttpStatusCode.OK), started + output);
            Assert.That(secondFollows, Is.True, "the second process follows the release on its poll" + output);
            Assert.That(watchedOnSecond.GetProperty("release").GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(watchedOnSecond.GetProperty("release").GetProperty("version").GetInt32(), Is.EqualTo(Candidate));
            Assert.That(byCandidate, Is.InRange(60, 140), $"15 % to 35 % of {Requests} requests to the second process, at a fraction of {Fraction}");
            Assert.That(onSecond, Is.EqualTo(onFirst), "a routing key lands on the same version in both processes");
            Assert.That(onFirst, Is.EqualTo(keys.Select(k => ActiveRelease.Position(k) < Fraction ? Candidate : Served)), "the version the key's hash picks");
            Assert.That(stopStatus, Is.EqualTo(HttpStatusCode.OK), output);
            Assert.That(firstEnds, Is.True, "the first process follows the stop: no release, the served version answers every key" + output);
            Assert.That(pointer!.Value.Release, Is.Null);
            Assert.That(pointer.Value.Version, Is.EqualTo(Served));
            Assert.That(record?.Outcome, Is.EqualTo(ReleaseOutcome.Stopped));
            Assert.That(first.HasExited || second.HasExited, Is.False, "both processes still run" + output);
        });
    }

    private static async Task<bool> FollowingAsync(HttpClient client)
    {
        var (status, body) = await SendAsync(client, HttpMethod.Get, ReleasePath, FunctionKey);
        return status == HttpStatusCode.OK && body.GetProperty("following").GetBoolean();
    }

    // The version that answered a one-instance prediction, or 0 when the process did not answer 200.
    private static async Task<int> VersionAsync(HttpClient client, string? routingKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict")
        {
            Content = new StringContent(ReleaseCandidates.Body(ReleaseCandidates.PassingInput), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", FunctionKey);
        if (routingKey is not null)
        {
            request.Headers.Add("x-routing-key", routingKey);
        }

        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return 0;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("model").GetProperty("version").GetInt32();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, string key, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", key);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }
}
