namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>Files of the repository the tests check (host.json, the settings example), found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private const string SolutionFile = "ArchiveForecast.Functions.sln";

    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"{SolutionFile} was not found above {AppContext.BaseDirectory}.");
    }
}
