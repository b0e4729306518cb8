using ArchiveForecast.Api.Routing;

namespace ArchiveForecast.Api.Tests.Routing;

[TestFixture]
public sealed class ApiRoutesTests
{
    private static readonly (string Method, string Path, KeyLevel Level)[] Contract =
    [
        ("POST", "/api/predict", KeyLevel.Function),
        ("POST", "/api/models/{name}/predict", KeyLevel.Function),
        ("GET", "/api/health", KeyLevel.Anonymous),
        ("GET", "/api/model/info", KeyLevel.Function),
        ("GET", "/api/models/{name}", KeyLevel.Function),
        ("GET", "/api/models/{name}/versions", KeyLevel.Function),
        ("POST", "/api/model/reload", KeyLevel.Admin),
        ("POST", "/api/models/{name}/promote", KeyLevel.Admin),
        ("POST", "/api/models/{name}/rollback", KeyLevel.Admin),
        ("GET", "/api/models/{name}/release", KeyLevel.Function),
        ("POST", "/api/models/{name}/release", KeyLevel.Admin),
        ("DELETE", "/api/models/{name}/release", KeyLevel.Admin),
        ("POST", "/api/models/{name}/retire", KeyLevel.Admin),
        ("POST", "/api/retrain", KeyLevel.Admin),
        ("GET", "/api/runs/{runId}", KeyLevel.Function),
        ("GET", "/api/openapi.json", KeyLevel.Anonymous),
        ("GET", "/api/ui", KeyLevel.Anonymous),
    ];

    [Test]
    public void All_IsExactlyTheContractsRoutesWithTheirLevels() =>
        Assert.That(ApiRoutes.All.Select(r => (r.Method, r.Path, r.Level)), Is.EquivalentTo(Contract));

    [Test]
    public void All_NamesAndMethodPathPairsAreUnique()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ApiRoutes.All.Select(r => r.Name), Is.Unique);
            Assert.That(ApiRoutes.All.Select(r => r.Method + " " + r.Path), Is.Unique);
        });
    }

    [Test]
    public void All_NoTemplateStartsWithAReservedFunctionsPrefix() =>
        Assert.That(ApiRoutes.All.Select(r => r.Template), Has.None.StartsWith("admin").And.None.StartsWith("runtime"));

    [Test]
    public void All_OnlyHealthOpenApiAndUiAreAnonymous() =>
        Assert.That(
            ApiRoutes.All.Where(r => r.Level == KeyLevel.Anonymous),
            Is.EquivalentTo(new[] { ApiRoutes.Health, ApiRoutes.OpenApi, ApiRoutes.Ui }));

    [Test]
    public void All_EveryStateChangingRouteIsAdmin()
    {
        // Predict is a POST but changes nothing; every other POST changes the registry, the served model or the queue.
        var stateChanging = ApiRoutes.All.Where(r => r.Method == "POST" && r != ApiRoutes.Predict && r != ApiRoutes.PredictModel);

        Assert.That(stateChanging.Select(r => r.Level), Has.All.EqualTo(KeyLevel.Admin));
    }

    [Test]
    public void All_KeyedRoutesDocument401AndEveryRouteASuccess()
    {
        Assert.Multiple(() =>
        {
            foreach (var route in ApiRoutes.All)
            {
                Assert.That(route.Responses.Any(r => r.Status is >= 200 and < 300), Is.True, route.Name);
                Assert.That(route.Responses.Any(r => r.Status == 401), Is.EqualTo(route.Level != KeyLevel.Anonymous), route.Name);
            }
        });
    }

    [Test]
    public void Parameters_AreReadFromTheTemplate()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ApiRoutes.PredictModel.Parameters, Is.EqualTo(new[] { "name" }));
            Assert.That(ApiRoutes.GetRun.Parameters, Is.EqualTo(new[] { "runId" }));
            Assert.That(ApiRoutes.Health.Parameters, Is.Empty);
        });
    }
}
