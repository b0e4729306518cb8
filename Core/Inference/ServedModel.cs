namespace ArchiveForecast.Core.Inference;

/// <summary>
/// Holds the served version of one model name. <see cref="Current"/> is swapped atomically only after a new version
/// loaded, verified and passed its self-check; any failure keeps the last good model and records why.
/// </summary>
// CONTRACT STUB: implemented by the inference work; signatures are what other layers code against.
public sealed class ServedModel
{
    private ServedModel() => throw new NotImplementedException();

    /// <summary>The model name.</summary>
    public string Name => throw new NotImplementedException();

    /// <summary>The model served now, or null when none has ever loaded. Read it once per request.</summary>
    public ForecastModel? Current => throw new NotImplementedException();

    /// <summary>What the last load attempt did.</summary>
    public ModelLoadState LoadState => throw new NotImplementedException();

    /// <summary>Reads the pointer and loads the version it names if that is not the one served (or always, with <paramref name="force"/>).</summary>
    public Task<ReloadResult> ReloadAsync(bool force, CancellationToken cancellationToken) => throw new NotImplementedException();
}
