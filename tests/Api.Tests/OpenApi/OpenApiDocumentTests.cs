using System.Text.Json.Nodes;
using ArchiveForecast.Api.OpenApi;
using ArchiveForecast.Api.Routing;

namespace ArchiveForecast.Api.Tests.OpenApi;

[TestFixture]
public sealed class OpenApiDocumentTests
{
    private static JsonObject Document() => JsonNode.Parse(OpenApiDocument.Json)!.AsObject();

    [Test]
    public void Json_IsOpenApi31()
    {
        Assert.That(Document()["openapi"]!.GetValue<string>(), Is.EqualTo("3.1.0"));
    }

    [Test]
    public void Json_HasEveryRouteWithItsMethodAndNothingElse()
    {
        var operations = Document()["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (op.Key.ToUpperInvariant(), path.Key)));

        Assert.That(operations, Is.EquivalentTo(ApiRoutes.All.Select(r => (r.Method, r.Path))));
    }

    [Test]
    public void Json_KeyedRoutesNameBothKeySchemesAndAnonymousRoutesNone()
    {
        var paths = Document()["paths"]!;

        Assert.Multiple(() =>
        {
            foreach (var route in ApiRoutes.All)
            {
                var operation = paths[route.Path]![route.Method.ToLowerInvariant()]!;
                var schemes = operation["security"]!.AsArray().SelectMany(s => s!.AsObject().Select(p => p.Key)).ToList();
                Assert.That(schemes, Is.EquivalentTo(route.Level == KeyLevel.Anonymous ? [] : new[] { OpenApiDocument.HeaderScheme, OpenApiDocument.QueryScheme }), route.Name);
                Assert.That(operation[OpenApiDocument.KeyLevelExtension]!.GetValue<string>(), Is.EqualTo(route.Level.ToString().ToLowerInvariant()), route.Name);
            }
        });
    }

    [Test]
    public void Json_SecuritySchemesAreTheHeaderAndTheQueryParameter()
    {
        var schemes = Document()["components"]!["securitySchemes"]!;

        Assert.Multiple(() =>
        {
            Assert.That(schemes[OpenApiDocument.HeaderScheme]!["in"]!.GetValue<string>(), Is.EqualTo("header"));
            Assert.That(schemes[OpenApiDocument.HeaderScheme]!["name"]!.GetValue<string>(), Is.EqualTo("x-functions-key"));
            Assert.That(schemes[OpenApiDocument.QueryScheme]!["in"]!.GetValue<string>(), Is.EqualTo("query"));
            Assert.That(schemes[OpenApiDocument.QueryScheme]!["name"]!.GetValue<string>(), Is.EqualTo("code"));
        });
    }

    [Test]
    public void Json_EverySchemaReferenceResolves()
    {
        var document = Document();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var references = Descendants(document)
            .OfType<JsonObject>()
            .Where(o => o.ContainsKey("$ref"))
            .Select(o => o["$ref"]!.GetValue<string>())
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(references, Is.Not.Empty);
            Assert.That(references, Has.All.StartsWith("#/components/schemas/"));
            Assert.That(references.Select(r => r["#/components/schemas/".Length..]), Has.All.Matches<string>(name => name is not null && schemas.ContainsKey(name)));
        });
    }

    [Test]
    public void Json_InstanceSchemaIsClosedAndRequiresEveryField()
    {
        var instance = Document()["components"]!["schemas"]![SchemaNames.Instance]!;

        Assert.Multiple(() =>
        {
            Assert.That(instance["additionalProperties"]!.GetValue<bool>(), Is.False);
            Assert.That(instance["required"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(Core.Schema.FieldNames.Inputs));
        });
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
