using System.Collections.Concurrent;
using ArchiveForecast.Api.Tests.Builders;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>Predictions keep flowing while versions are promoted and reloaded: every answer whole, from one real version.</summary>
[TestFixture]
[Category("Http")]
public sealed class ConcurrencyTests
{
    private const int Predictors = 8;
    private const int RequestsPerPredictor = 40;
    private const int InstancesPerRequest = 5;
    private const int Swaps = 24;

    [Test]
    public async Task Predict_WhilePromotingAndReloading_EveryAnswerIsCompleteAndNamesOneExistingVersion()
    {
        await using var server = await ApiServer.StartAsync();
        string body = PredictBodyBuilder.WithInstances(InstancesPerRequest).Build();
        var answers = new ConcurrentBag<(HttpStatusCode Status, string Body)>();
        var swaps = new ConcurrentBag<HttpStatusCode>();

        var predictors = Enumerable.Range(0, Predictors).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < RequestsPerPredictor; i++)
            {
                using var response = await server.PredictAsync(body);
                answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            }
        }));
        var swapper = Task.Run(async () =>
        {
            for (int i = 0; i < Swaps; i++)
            {
                int version = (i % 3) + 1;
                using var promote = await server.SendAsync(HttpMethod.Post, $"/api/models/{TrainedStore.DefaultModel}/promote", TestKeys.Admin, $$"""{"version":{{version}}}""");
                using var reload = await server.SendAsync(HttpMethod.Post, "/api/model/reload", TestKeys.Admin);
                swaps.Add(promote.StatusCode);
                swaps.Add(reload.StatusCode);
            }
        });
        await Task.WhenAll([.. predictors, swapper]);

        var versions = answers.Select(a => Version(a.Body)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(answers, Has.Count.EqualTo(Predictors * RequestsPerPredictor));
            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(swaps, Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(answers.Select(a => PredictionCount(a.Body)), Has.All.EqualTo(InstancesPerRequest));
            Assert.That(versions.Distinct(), Is.SubsetOf(new[] { 1, 2, 3 }));
        });
    }

    private static int Version(string body)
    {
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("model").GetProperty("name").GetString(), Is.EqualTo(TrainedStore.DefaultModel));
        return json.RootElement.GetProperty("model").GetProperty("version").GetInt32();
    }

    private static int PredictionCount(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("predictions").EnumerateArray()
            .Count(p => p.GetProperty("archived_gb_next_period").ValueKind == JsonValueKind.Number
                && p.GetProperty("savings_gb_next_period").ValueKind == JsonValueKind.Number);
    }
}
