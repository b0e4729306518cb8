using System.Security.Cryptography;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// What a request must not change: the served version of every model (health and model info through the API) and
/// every file of the store, byte for byte, except run records and their index (a retraining request writes one by
/// design, and the first lookup of a run id completes the index).
/// </summary>
internal sealed record StoreSnapshot(int? ServedDefault, int? ServedSecond, IReadOnlyDictionary<string, string> Files)
{
    public static async Task<StoreSnapshot> TakeAsync(ApiServer server)
    {
        var files = Directory.EnumerateFiles(server.ModelsPath, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(server.ModelsPath, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/runs/", StringComparison.Ordinal) && !f.StartsWith("_runs/", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(server.ModelsPath, f)))));
        return new StoreSnapshot(
            await ServedVersionAsync(server, "/api/model/info"),
            await ServedVersionAsync(server, $"/api/models/{TrainedStore.SecondModel}"),
            files);
    }

    public static async Task AssertUnchangedAsync(ApiServer server, StoreSnapshot before)
    {
        var after = await TakeAsync(server);
        Assert.Multiple(() =>
        {
            Assert.That(after.ServedDefault, Is.EqualTo(before.ServedDefault), "served version of the default model");
            Assert.That(after.ServedSecond, Is.EqualTo(before.ServedSecond), "served version of the second model");
            Assert.That(after.Files, Is.EquivalentTo(before.Files), "files of the store");
        });
    }

    private static async Task<int?> ServedVersionAsync(ApiServer server, string path)
    {
        using var response = await server.SendAsync(HttpMethod.Get, path, TestKeys.Function);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("model").GetProperty("version").GetInt32();
    }
}
