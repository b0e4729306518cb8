namespace ArchiveForecast.Api.Tests.Http;

/// <summary>serve's in-process retraining queue is bounded: past it a retrain request gets 503 busy with Retry-After, never a 500.</summary>
[TestFixture]
[Category("Http")]
public sealed class RetrainQueueFullTests
{
    [Test]
    public async Task Retrain_WhenTheInProcessQueueIsFull_Returns503BusyWithRetryAfter()
    {
        await using var server = await ApiServer.StartAsync();
        string body = $$"""{"model":"queue-model","dataset":"{{TrainedStore.Dataset}}","create":true}""";

        // The worker takes one request and trains it for a while; the queue holds 32 more; the rest must be refused.
        var responses = await Task.WhenAll(Enumerable.Range(0, Training.Retraining.InProcessRetrainQueue.Capacity + 16)
            .Select(_ => server.SendAsync(HttpMethod.Post, "/api/retrain", TestKeys.Admin, body)));
        var busy = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.StatusCode), Has.All.AnyOf(HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Accepted), Is.InRange(Training.Retraining.InProcessRetrainQueue.Capacity, Training.Retraining.InProcessRetrainQueue.Capacity + 15));
            Assert.That(busy, Is.Not.Empty);
        });
        var problem = await ProblemAssert.IsProblemAsync(busy[0], HttpStatusCode.ServiceUnavailable);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/busy"));
            Assert.That(busy[0].Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(30)));
        });
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
