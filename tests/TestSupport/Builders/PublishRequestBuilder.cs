using System.Text;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.TestSupport;

/// <summary>
/// A publish request whose model.zip is placeholder bytes tied to the run id: enough for the registry, which never
/// opens model.zip, and lets a test tell whose bytes ended up in a version.
/// </summary>
public sealed class PublishRequestBuilder
{
    private readonly ModelCardBuilder card = new();
    private byte[]? modelZip;
    private string runId = "run-1";

    public PublishRequestBuilder ForModel(string name)
    {
        card.ForModel(name);
        return this;
    }

    public PublishRequestBuilder WithRunId(string id)
    {
        runId = id;
        card.WithRunId(id);
        return this;
    }

    public PublishRequestBuilder WithTrainer(string trainer)
    {
        card.WithTrainer(trainer);
        return this;
    }

    public PublishRequestBuilder WithArchivedMae(double mae)
    {
        card.WithArchivedMae(mae);
        return this;
    }

    public PublishRequestBuilder WithModelZip(byte[] bytes)
    {
        modelZip = bytes;
        return this;
    }

    public static FeatureQuantiles Quantiles() => new(new Dictionary<string, QuantileSet>
    {
        ["total_files"] = new(10, 100, 1000, 10_000, 100_000),
        ["avg_file_size_mb"] = new(0.1, 0.5, 1, 4, 9),
    });

    public static byte[] PlaceholderZip(string runId) => Encoding.UTF8.GetBytes($"placeholder model.zip of {runId} " + new string('z', 512));

    public PublishRequest Build() => new(modelZip ?? PlaceholderZip(runId), card.Build(), Quantiles());
}
