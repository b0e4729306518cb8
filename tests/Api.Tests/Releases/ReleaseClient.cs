using System.Diagnostics;
using System.Globalization;
using ArchiveForecast.Api.Handlers;
using ArchiveForecast.Api.Tests.Builders;
using ArchiveForecast.Api.Tests.Http;

namespace ArchiveForecast.Api.Tests.Releases;

/// <summary>What the release tests do over HTTP: start, watch, stop, and predict with or without a routing key.</summary>
internal static class ReleaseClient
{
    public static string ReleasePath(string model = TrainedStore.DefaultModel) => $"/api/models/{model}/release";

    /// <summary>A release start body that no guard ends by accident unless the test sets one.</summary>
    public static string StartBody(int version, double fraction, string mode = "split", string extra = ",\"max_latency_ratio\":1000,\"max_divergence\":100") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"version":{{version}},"fraction":{{fraction}},"mode":"{{mode}}"{{extra}}}""");

    public static async Task<JsonElement> StartAsync(ApiServer server, string body, string model = TrainedStore.DefaultModel) =>
        await JsonResponses.PostAsync(server, ReleasePath(model), body);

    /// <summary>A body whose instance varies with <paramref name="i"/>, so answers differ between requests.</summary>
    public static string Body(int i) =>
        PredictBodyBuilder.WithInstances(1)
            .Set(0, "total_files", (50_000 + (i % 97) * 1_500).ToString(CultureInfo.InvariantCulture))
            .Set(0, "archive_frequency_per_day", (5 + (i % 13)).ToString(CultureInfo.InvariantCulture))
            .Build();

    /// <summary>The version that answered a predict request (and the raw answer).</summary>
    public static async Task<(int Version, byte[] Bytes)> PredictAsync(ApiServer server, string body, string? routingKey = null)
    {
        using var request = ApiServer.Request(HttpMethod.Post, "/api/predict", TestKeys.Function, KeyPlace.Header, body);
        if (routingKey is not null)
        {
            request.Headers.Add(PredictHandler.RoutingKeyHeader, routingKey);
        }

        using var response = await server.Client.SendAsync(request);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), System.Text.Encoding.UTF8.GetString(bytes));
        using var json = JsonDocument.Parse(bytes);
        return (json.RootElement.GetProperty("model").GetProperty("version").GetInt32(), bytes);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }

    /// <summary>The release status, or null when the route answers 404 (no release).</summary>
    public static async Task<JsonElement?> StatusAsync(ApiServer server, string model = TrainedStore.DefaultModel)
    {
        using var response = await server.SendAsync(HttpMethod.Get, ReleasePath(model), TestKeys.Function);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await JsonResponses.ReadAsync(response);
    }

    /// <summary>The pointer file as stored.</summary>
    public static JsonElement Pointer(ApiServer server, string model = TrainedStore.DefaultModel)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(server.ModelsPath, model, "current.json")));
        return json.RootElement.Clone();
    }
}
