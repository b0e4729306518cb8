using System.Text.RegularExpressions;
using ArchiveForecast.Api.Routing;

namespace ArchiveForecast.Api.Tests.OpenApi;

/// <summary>docs/api.md describes the API as built: its route table is the one both hosts and the OpenAPI document use.</summary>
[TestFixture]
public sealed partial class ApiDocTests
{
    [Test]
    public void TheRouteTable_ListsEveryRouteWithItsKeyLevel_AndNoOther()
    {
        var documented = RouteRow().Matches(File.ReadAllText(DocPath()))
            .Select(m => (Method: m.Groups[1].Value, Path: m.Groups[2].Value, Level: m.Groups[3].Value))
            .ToList();

        Assert.That(
            documented,
            Is.EquivalentTo(ApiRoutes.All.Select(r => (r.Method, r.Path, r.Level.ToString().ToLowerInvariant()))));
    }

    private static string DocPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "docs", "api.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("docs/api.md was not found above the test's output folder.");
    }

    [GeneratedRegex(@"^\| (GET|POST|PUT|DELETE) \| `([^`]+)` \| (anonymous|function|admin) \|", RegexOptions.Multiline)]
    private static partial Regex RouteRow();
}
