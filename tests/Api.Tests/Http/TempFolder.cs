namespace ArchiveForecast.Api.Tests.Http;

/// <summary>Temporary folders of this test run, all under one root that is removed when the run ends.</summary>
internal static class TempFolder
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "archive-forecast-api-tests-" + Environment.ProcessId);

    public static string Create()
    {
        string path = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteAll()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
