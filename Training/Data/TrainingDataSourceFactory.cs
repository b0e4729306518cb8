using ArchiveForecast.Training.Configuration;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Data;

/// <summary>Creates the <see cref="ITrainingDataSource"/> that <see cref="TrainingDataOptions"/> choose: one case per kind of store.</summary>
public static class TrainingDataSourceFactory
{
    /// <summary>Creates the data source.</summary>
    /// <exception cref="InvalidOperationException">The options choose a store this build cannot create.</exception>
    public static ITrainingDataSource Create(IOptions<TrainingDataOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value.UsesBlobStorage
            ? throw new InvalidOperationException(
                $"{TrainingDataOptions.SectionName}:ContainerUri and {TrainingDataOptions.SectionName}:ConnectionString need the Blob training-data source, which is not part of this build; use {TrainingDataOptions.SectionName}:Path.")
            : new FolderTrainingDataSource(options);
    }
}
