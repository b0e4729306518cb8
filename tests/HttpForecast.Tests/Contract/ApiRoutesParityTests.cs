using ArchiveForecast.Api.Routing;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Tests.Contract;

/// <summary>The Functions app and the Kestrel host serve the same table: <see cref="ApiRoutes"/>, which the OpenAPI document also reads.</summary>
[TestFixture]
public sealed class ApiRoutesParityTests
{
    private static IEnumerable<TestCaseData> Routes() =>
        ApiRoutes.All.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Name));

    [TestCaseSource(nameof(Routes))]
    public void ApiRoute_IsServedByTheFunctionOfItsName_WithItsMethodTemplateAndKeyLevel(ApiRoute route)
    {
        var functions = FunctionCatalog.HttpFunctions.Where(f => f.Name == route.Name).ToList();

        Assert.That(functions, Has.Count.EqualTo(1), route.Name);
        Assert.Multiple(() =>
        {
            Assert.That(functions[0].HttpMethod, Is.EqualTo(route.Method));
            Assert.That(functions[0].RouteKey, Is.EqualTo(ContractRoute.RouteKey(route.Method, route.Template)));
            Assert.That(functions[0].Http!.AuthLevel, Is.EqualTo(LevelOf(route.Level)));
        });
    }

    [Test]
    public void EveryHttpFunction_IsAnApiRoute()
    {
        Assert.That(FunctionCatalog.HttpFunctions.Select(f => f.Name), Is.EquivalentTo(ApiRoutes.All.Select(r => r.Name)));
    }

    [Test]
    public void ApiRoutes_AreTheContractsRoutes()
    {
        var table = ApiRoutes.All.Select(r => (ContractRoute.RouteKey(r.Method, r.Template), LevelOf(r.Level)));

        Assert.That(table, Is.EquivalentTo(ContractRoute.All.Select(r => (r.Key, r.Level))));
    }

    private static AuthorizationLevel LevelOf(KeyLevel level) => level switch
    {
        KeyLevel.Anonymous => AuthorizationLevel.Anonymous,
        KeyLevel.Function => AuthorizationLevel.Function,
        KeyLevel.Admin => AuthorizationLevel.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "A key level the Functions host does not have."),
    };
}
