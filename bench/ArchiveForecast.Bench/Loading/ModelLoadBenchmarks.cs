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
    private BenchModel _fixture = null!;
    private PublishedVersion _published = null!;
    private VerifiedVersion _verified = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _fixture = BenchModel.Train(600);
        _published = await PublishedVersion.PublishAsync(_fixture, CancellationToken.None);
        _verified = await LoadVersion();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _published.Dispose();
        _fixture.Dispose();
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
        _published.Registry.LoadVersionAsync(_published.Manifest.ModelName, _published.Manifest.Version, CancellationToken.None);

    [Benchmark(Description = "ForecastModel.Load (deserialise + canaries)")]
    public int LoadModel()
    {
        using var model = ForecastModel.Load(_verified, TimeProvider.System);
        return model.Version;
    }
}
