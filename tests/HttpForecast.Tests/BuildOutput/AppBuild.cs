using System.Reflection;

namespace ArchiveForecast.HttpForecast.Tests.BuildOutput;

/// <summary>The Functions app's project and its build output folder, as this test assembly was built against them.</summary>
internal static class AppBuild
{
    public const string AssemblyFile = "ArchiveForecast.HttpForecast.dll";

    public static string Project { get; } = Metadata("HttpForecastProject");

    public static string Configuration { get; } = Metadata("HttpForecastConfiguration");

    /// <summary>The folder the app's build wrote (<c>HttpForecast/bin/{Configuration}/{TargetFramework}</c>).</summary>
    public static string OutputDirectory { get; } =
        Path.Combine(Path.GetDirectoryName(Project)!, "bin", Configuration, Metadata("HttpForecastTargetFramework"));

    public static JsonNode ReadJson(string directory, string file)
    {
        string path = Path.Combine(directory, file);
        Assert.That(path, Does.Exist, $"{file} is missing from {directory}");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static string Metadata(string key) =>
        typeof(AppBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
