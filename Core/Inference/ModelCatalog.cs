namespace ArchiveForecast.Core.Inference;

/// <summary>The served models by name: the default model, and any named model of the registry on first use.</summary>
// CONTRACT STUB: implemented by the inference work; signatures are what other layers code against.
public sealed class ModelCatalog
{
    private ModelCatalog() => throw new NotImplementedException();

    /// <summary>The default model (<c>ModelStore:ModelName</c>, normally <c>archive-forecast</c>).</summary>
    public ServedModel Default => throw new NotImplementedException();

    /// <summary>The served models so far.</summary>
    public IReadOnlyCollection<ServedModel> Loaded => throw new NotImplementedException();

    /// <summary>
    /// The served model of a name, loading it on first use. Null when the name is invalid or the registry has no such
    /// model; a model that exists but failed to load is returned with a null <see cref="ServedModel.Current"/>.
    /// </summary>
    public Task<ServedModel?> GetAsync(string modelName, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Reloads every served model (the poller and the hosts call this).</summary>
    public Task ReloadAllAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
}
