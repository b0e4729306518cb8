using ArchiveForecast.Api.Routing;
using ArchiveForecast.Api.Ui;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>The routes Kestrel really maps, the route table and the served OpenAPI document all agree.</summary>
[TestFixture]
[Category("Http")]
public sealed class EndpointParityTests
{
    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync(trained: false);

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [Test]
    public async Task OpenApi_PathsAndMethods_EqualTheMappedEndpoints()
    {
        var mapped = server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Path: e.RoutePattern.RawText!)))
            .ToList();
        var document = await JsonResponses.GetAsync(server, "/api/openapi.json", key: null);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Method: o.Name.ToUpperInvariant(), Path: p.Name)))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(documented, Is.EquivalentTo(mapped));
            Assert.That(mapped, Is.EquivalentTo(ApiRoutes.All.Select(r => (r.Method, r.Path))));
        });
    }

    [Test]
    public async Task MappedEndpoints_CarryTheirRouteAndItsKeyLevel()
    {
        var routes = server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<ApiRoute>())
            .ToList();

        Assert.That(routes, Is.EquivalentTo(ApiRoutes.All));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Ui_IsServedAnonymouslyAsUtf8HtmlWithAStrictPolicy()
    {
        using var response = await server.SendAsync(HttpMethod.Get, "/api/ui");

        string html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(UiPage.ContentSecurityPolicy));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(html, Is.EqualTo(Encoding.UTF8.GetString(UiPage.Html.Span)));
        });
    }

    [Test]
    public async Task OpenApi_IsServedAnonymouslyAsJson()
    {
        using var response = await server.SendAsync(HttpMethod.Get, "/api/openapi.json");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(json.RootElement.GetProperty("openapi").GetString(), Is.EqualTo("3.1.0"));
        });
    }
}
