using ArchiveForecast.Training.Configuration;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Data;

/// <summary>Creates the <see cref="ITrainingDataSource"/> that <see cref="TrainingDataOptions"/> choose: one case per kind of store.</summary>
public static class TrainingDataSourceFactory
{
    /// <summary>Creates the data source.</summary>
    /// <param name="options">The training-data settings.</param>
    /// <param name="managedIdentityClientId">The user-assigned identity for a container URL (<c>ModelStore:ManagedIdentityClientId</c>); null for the system-assigned one.</param>
    /// <exception cref="InvalidOperationException">The options name a blob container that cannot be used (see <see cref="BlobTrainingDataSource.Create"/>).</exception>
    public static ITrainingDataSource Create(IOptions<TrainingDataOptions> options, string? managedIdentityClientId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value.UsesBlobStorage
            ? BlobTrainingDataSource.Create(options.Value, managedIdentityClientId)
            : new FolderTrainingDataSource(options);
    }
}
