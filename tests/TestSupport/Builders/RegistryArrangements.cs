using System.Security.Cryptography;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.TestSupport;

/// <summary>Arranging registry states: publishing and promoting, and tampering with stored versions as an attacker or a bad disk would.</summary>
public static class RegistryArrangements
{
    public static string VersionPath(string modelName, int version, string fileName) => $"{modelName}/versions/{version}/{fileName}";

    /// <summary>Publishes a version and makes it current.</summary>
    public static async Task<int> PublishAndPromoteAsync(this ModelRegistry registry, string modelName, PublishRequest request)
    {
        var manifest = await registry.PublishAsync(ModelName.Parse(modelName), request, CancellationToken.None);
        await registry.PromoteForTestAsync(modelName, manifest.Version);
        return manifest.Version;
    }

    /// <summary>Makes a version current, asserting that the promote went through.</summary>
    public static async Task<PointerChangeResult> PromoteForTestAsync(this ModelRegistry registry, string modelName, int version)
    {
        var result = await registry.PromoteAsync(ModelName.Parse(modelName), version, null, "test", $"promote {version}", CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PointerChangeStatus.Changed), "arranging a promote");
        return result;
    }

    /// <summary>Rewrites a stored object through <paramref name="change"/> (version folders are immutable only to the registry).</summary>
    public static async Task TamperAsync(this IArtifactStore store, string path, Action<byte[]> change)
    {
        var bytes = (await store.ReadAsync(path, long.MaxValue, CancellationToken.None))!.Content.ToArray();
        change(bytes);
        await store.WriteAsync(path, bytes, WritePrecondition.None, CancellationToken.None);
    }

    public static Task FlipByteAsync(this IArtifactStore store, string path) =>
        store.TamperAsync(path, bytes => bytes[bytes.Length / 2] ^= 0x01);

    public static async Task<T> ReadJsonAsync<T>(this IArtifactStore store, string path)
    {
        var stored = await store.ReadAsync(path, long.MaxValue, CancellationToken.None);
        return JsonSerializer.Deserialize<T>(stored!.Content.Span, ArtifactJson.Options)!;
    }

    public static Task WriteJsonAsync<T>(this IArtifactStore store, string path, T value) =>
        store.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(value, ArtifactJson.Options), WritePrecondition.None, CancellationToken.None);

    /// <summary>Rewrites a version's manifest to match its files as they are now: a tampering that hashing cannot see.</summary>
    public static async Task RehashManifestAsync(this IArtifactStore store, string modelName, int version)
    {
        var manifestPath = VersionPath(modelName, version, ArtifactFiles.Manifest);
        var manifest = await store.ReadJsonAsync<Manifest>(manifestPath);
        var files = new Dictionary<string, ManifestEntry>();
        foreach (var fileName in manifest.Files.Keys)
        {
            var content = (await store.ReadAsync(VersionPath(modelName, version, fileName), long.MaxValue, CancellationToken.None))!.Content;
            files[fileName] = new ManifestEntry(Convert.ToHexStringLower(SHA256.HashData(content.Span)), content.Length);
        }

        await store.WriteJsonAsync(manifestPath, manifest with { Files = files });
    }
}
