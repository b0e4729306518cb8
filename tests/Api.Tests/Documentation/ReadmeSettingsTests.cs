using System.Reflection;
using ArchiveForecast.Api.Security;
using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Training.Configuration;

namespace ArchiveForecast.Api.Tests.Documentation;

/// <summary>The README's Configuration table names every section and key the code binds, so no setting is undocumented.</summary>
[TestFixture]
public sealed class ReadmeSettingsTests
{
    /// <summary>Every options class with a <c>SectionName</c> in the assemblies a host loads (Core, Training, Api).</summary>
    public static IEnumerable<TestCaseData> OptionsSections() =>
        new[] { typeof(ModelStoreOptions).Assembly, typeof(TrainingOptions).Assembly, typeof(AuthOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsClass && type.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(type => (Type: type, Section: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(found => found.Section is not null)
            .Select(found => new TestCaseData(found.Type, found.Section).SetName($"Readme_ConfigurationTable_ListsEveryKeyOf{found.Section}"));

    [TestCaseSource(nameof(OptionsSections))]
    public void Readme_ConfigurationTable_ListsEveryKeyOfTheSection(Type optionsType, string section)
    {
        var row = ConfigurationRows().FirstOrDefault(line => line.StartsWith($"| `{section}`", StringComparison.Ordinal));
        var keys = optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite && property.SetMethod!.IsPublic)
            .Select(property => property.Name);

        Assert.That(row, Is.Not.Null, $"the README's Configuration table has no row for {section}");
        Assert.That(keys.Where(key => !row!.Contains($"`{key}`", StringComparison.Ordinal)), Is.Empty, $"keys of {section} missing from its README row");
    }

    private static IEnumerable<string> ConfigurationRows()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        int start = Array.FindIndex(readme, line => line == "## Configuration");
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md has a '## Configuration' section");
        return readme.Skip(start + 1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal)).Where(line => line.StartsWith('|'));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ArchiveForecast.Functions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with ArchiveForecast.Functions.sln) was not found above the test assembly.");
    }
}
