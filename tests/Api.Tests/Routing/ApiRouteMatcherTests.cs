using ArchiveForecast.Api.Routing;

namespace ArchiveForecast.Api.Tests.Routing;

[TestFixture]
public sealed class ApiRouteMatcherTests
{
    [TestCase("POST", "/api/predict", "/api/predict")]
    [TestCase("post", "/api/models/second-model/predict", "/api/models/{name}/predict")]
    [TestCase("GET", "/api/models/second-model", "/api/models/{name}")]
    [TestCase("GET", "/api/models/second-model/versions", "/api/models/{name}/versions")]
    [TestCase("GET", "/api/model/info", "/api/model/info")]
    [TestCase("GET", "/api/runs/20260101-abc", "/api/runs/{run_id}")]
    [TestCase("POST", "/api/models/x/rollback/", "/api/models/{name}/rollback")]
    public void Match_FindsTheContractRouteOfAPath(string method, string path, string template)
    {
        Assert.That(ApiRouteMatcher.Match(method, path)?.Path, Is.EqualTo(template));
    }

    [TestCase("GET", "/api/predict")]
    [TestCase("POST", "/api/nothing")]
    [TestCase("POST", "/api/models//predict")]
    [TestCase("GET", "/")]
    public void Match_WhenNoRouteFits_IsNull(string method, string path)
    {
        Assert.That(ApiRouteMatcher.Match(method, path), Is.Null);
    }
}
