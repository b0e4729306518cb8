namespace ArchiveForecast.Integration.Tests.Processes;

/// <summary>A temporary folder removed with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("archive-forecast-it-");

    public string Path => folder.FullName;

    public string File(string name) => System.IO.Path.Combine(folder.FullName, name);

    public void Dispose()
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
