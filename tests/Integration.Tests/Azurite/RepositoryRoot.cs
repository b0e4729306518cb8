namespace ArchiveForecast.Integration.Tests.Azurite;

/// <summary>The repository root, found by walking up from the test assembly to the folder holding the solution.</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "ArchiveForecast.Functions.sln";

    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}
