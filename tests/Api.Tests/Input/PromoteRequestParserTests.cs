using ArchiveForecast.Api.Input;

namespace ArchiveForecast.Api.Tests.Input;

[TestFixture]
public sealed class PromoteRequestParserTests
{
    private static ParseResult<PromoteRequest> Parse(string json) => PromoteRequestParser.Parse(Encoding.UTF8.GetBytes(json));

    [TestCase("""{"version":3}""", 3)]
    [TestCase("""{ "version" : 12 }""", 12)]
    [TestCase("""{"version":2.0}""", 2)]
    public void Parse_WholeVersion_Succeeds(string json, int expected) =>
        Assert.That(Parse(json).Value?.Version, Is.EqualTo(expected));

    [TestCase("""{"version":"3"}""")]
    [TestCase("""{"version":null}""")]
    [TestCase("""{"version":1.5}""")]
    [TestCase("""{"version":99999999999}""")]
    [TestCase("""{}""")]
    [TestCase("""{"version":3,"version":3}""")]
    [TestCase("""{"version":3,"force":true}""")]
    [TestCase("""[3]""")]
    [TestCase("""{"version":3,}""")]
    public void Parse_WrongShape_IsMalformed(string json)
    {
        var result = Parse(json);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Malformed, Is.True);
        });
    }

    [TestCase("""{"version":0}""")]
    [TestCase("""{"version":-2}""")]
    public void Parse_VersionBelowOne_IsInvalidAtVersion(string json)
    {
        var result = Parse(json);

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.False);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/version"));
        });
    }
}
