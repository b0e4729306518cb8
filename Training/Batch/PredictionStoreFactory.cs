namespace ArchiveForecast.Training.Batch;

/// <summary>Creates the <see cref="IPredictionStore"/> that <see cref="PredictionsOptions"/> choose: a folder or a blob container.</summary>
public static class PredictionStoreFactory
{
    /// <summary>Creates the store.</summary>
    /// <param name="options">The predictions settings.</param>
    /// <param name="managedIdentityClientId">The user-assigned identity for a container URL when the section names none (<c>ModelStore:ManagedIdentityClientId</c>); null for the system-assigned one.</param>
    /// <exception cref="InvalidOperationException">The options name a blob container that cannot be used.</exception>
    public static IPredictionStore Create(PredictionsOptions options, string? managedIdentityClientId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesBlobStorage
            ? BlobPredictionStore.Create(options, managedIdentityClientId)
            : new FolderPredictionStore(options.Path);
    }
}
