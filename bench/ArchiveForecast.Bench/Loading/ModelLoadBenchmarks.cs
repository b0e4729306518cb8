using ArchiveForecast.Bench.Fixtures;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Registry;
using BenchmarkDotNet.Attributes;

namespace ArchiveForecast.Bench.Loading;

/// <summary>
/// Loading a published version from a local folder store, as a start or a reload does: read and verify every file
/// (SHA-256 and size) with the registry, then load model.zip and check its canaries.
/// </summary>
[MemoryDiagnoser]
public class ModelLoadBenchmarks
{
    private BenchModel fixture = null!;
    private PublishedVersion published = null!;
    private VerifiedVersion verified = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        fixture = BenchModel.Train(600);
        this.published = await PublishedVersion.PublishAsync(fixture, CancellationToken.None);
        this.verified = await LoadVersion();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        this.published.Dispose();
        fixture.Dispose();
    }

    [Benchmark(Baseline = true, Description = "LoadVersion + ForecastModel.Load")]
    public async Task<int> LoadAndVerify()
    {
        var verified = await LoadVersion();
        using var model = ForecastModel.Load(verified, TimeProvider.System);
        return model.Version;
    }

    [Benchmark(Description = "registry LoadVersion (read + SHA-256)")]
    public Task<VerifiedVersion> LoadVersion() =>
        this.published.Registry.LoadVersionAsync(ModelName.Parse(this.published.Manifest.ModelName), this.published.Manifest.Version, CancellationToken.None);

    [Benchmark(Description = "ForecastModel.Load (deserialise + canaries)")]
    public int LoadModel()
    {
        using var model = ForecastModel.Load(this.verified, TimeProvider.System);
        return model.Version;
    }
}
