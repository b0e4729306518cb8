using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.TestSupport;

/// <summary>
/// A registry over a folder store in a fresh temp folder, behind an <see cref="InterceptingArtifactStore"/> so that a
/// test can fail or count its calls; disposing removes the folder.
/// </summary>
public sealed class FolderRegistry : IDisposable
{
    private readonly TempFolder folder = new();

    public FolderRegistry(TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        Store = new InterceptingArtifactStore(new FolderArtifactStore(folder.Path, time));
        Registry = new ModelRegistry(Store, time);
    }

    public InterceptingArtifactStore Store { get; }

    public ModelRegistry Registry { get; }

    public void Dispose() => folder.Dispose();
}
