using ArchiveForecast.Api.Limits;
using ArchiveForecast.Api.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// The bound on concurrent prediction work: with every slot taken a predict request waits up to the queue timeout, then
/// gets a 503 problem of type busy with Retry-After; a slot coming free in time lets it through.
/// </summary>
[TestFixture]
[Category("Http")]
public sealed class PredictionLimitTests
{
    private static readonly string Body = PredictBodyBuilder.WithInstances(2).Build();

    [Test]
    public async Task Predict_WhenEverySlotIsTaken_Returns503BusyWithRetryAfter()
    {
        await using var server = await StartAsync(maxConcurrent: 1, queueTimeout: "00:00:00", retryAfter: "00:00:07");
        var limiter = server.Server.Services.GetRequiredService<PredictionLimiter>();
        var held = await limiter.TryEnterAsync(CancellationToken.None);

        using var busy = await server.PredictAsync(Body);
        var problem = await ProblemAssert.IsProblemAsync(busy, HttpStatusCode.ServiceUnavailable);
        held!.Dispose();
        using var free = await server.PredictAsync(Body);

        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/busy"));
            Assert.That(busy.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(free.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(limiter.InUse, Is.Zero, "every slot is returned");
            Assert.That(server.Logs.Entries.Count(e => e.EventId == 3012), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Predict_WhenASlotComesFreeWithinTheQueueTimeout_IsServed()
    {
        await using var server = await StartAsync(maxConcurrent: 1, queueTimeout: "00:00:20", retryAfter: "00:00:01");
        var limiter = server.Server.Services.GetRequiredService<PredictionLimiter>();
        var held = await limiter.TryEnterAsync(CancellationToken.None);

        var waiting = server.PredictAsync(Body);
        await Task.Delay(200);
        bool stillWaiting = !waiting.IsCompleted;
        held!.Dispose();
        using var response = await waiting;

        Assert.Multiple(() =>
        {
            Assert.That(stillWaiting, Is.True, "the request waited for the slot");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Predict_ManyAtOnceOverOneSlot_EachIsServedOrBusyAndNoneFails()
    {
        await using var server = await StartAsync(maxConcurrent: 1, queueTimeout: "00:00:00", retryAfter: "00:00:01");
        string large = PredictBodyBuilder.WithInstances(1000).Build();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => server.PredictAsync(large, path: "/api/predict?explain=true")));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Has.All.AnyOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable));
            Assert.That(statuses, Does.Contain(HttpStatusCode.OK));
        });
    }

    [TestCase("Predict:MaxConcurrent", "0")]
    [TestCase("Predict:QueueTimeout", "00:01:00")]
    [TestCase("Predict:RetryAfter", "00:00:00")]
    public async Task Start_WithABadLimit_RefusesNamingTheSetting(string setting, string value)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(
            async () => await ApiServer.StartAsync(trained: false, settings: new Dictionary<string, string?>(TestKeys.Settings) { [setting] = value }));

        Assert.That(refused!.Message, Does.Contain(setting.Split(':')[1]));
    }

    private static Task<ApiServer> StartAsync(int maxConcurrent, string queueTimeout, string retryAfter) =>
        ApiServer.StartAsync(settings: new Dictionary<string, string?>(TestKeys.Settings)
        {
            ["Predict:MaxConcurrent"] = maxConcurrent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Predict:QueueTimeout"] = queueTimeout,
            ["Predict:RetryAfter"] = retryAfter,
        });
}
