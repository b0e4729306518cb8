namespace ArchiveForecast.TestSupport;

/// <summary>A fresh folder under the system temp folder, removed with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    private static readonly string RunRoot = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "archive-forecast-tests-" + Environment.ProcessId);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("archive-forecast-tests-");

    public string Path => folder.FullName;

    public string File(string name) => System.IO.Path.Combine(folder.FullName, name);

    /// <summary>
    /// A folder that outlives one test (a store a fixture trains once, a server's store), under one root per test
    /// process; an assembly-level set-up fixture removes them all with <see cref="DeleteRunFolders"/>.
    /// </summary>
    public static string CreateForRun()
    {
        string path = System.IO.Path.Combine(RunRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteRunFolders()
    {
        if (Directory.Exists(RunRoot))
        {
            Directory.Delete(RunRoot, recursive: true);
        }
    }

    public void Dispose()
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The test removed it itself.
        }
        catch (IOException)
        {
            // A process the test started may still hold a file; a temp folder left behind is harmless.
        }
    }
}
