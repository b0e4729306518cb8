using ArchiveForecast.Api.Input;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Api.Tests.Input;

[TestFixture]
public sealed class RetrainRequestParserTests
{
    private static ParseResult<RetrainBody> Parse(string json) => RetrainRequestParser.Parse(Encoding.UTF8.GetBytes(json));

    [Test]
    public void Parse_ModelAndDataset_Succeeds()
    {
        var result = Parse("""{"model":"archive-forecast","dataset":"2026/archive.csv"}""");

        Assert.That(result.Value, Is.EqualTo(new RetrainBody(ModelName.Parse("archive-forecast"), DatasetPath.Parse("2026/archive.csv"))));
    }

    [Test]
    public void Parse_ModelOnly_LeavesTheDatasetToTheDefault() =>
        Assert.That(Parse("""{"model":"new-model"}""").Value, Is.EqualTo(new RetrainBody(ModelName.Parse("new-model"), null)));

    [Test]
    public void Parse_DatasetOnly_LeavesTheModelToTheDefault() =>
        Assert.That(Parse("""{"dataset":"a.csv"}""").Value, Is.EqualTo(new RetrainBody(null, DatasetPath.Parse("a.csv"))));

    [TestCase("""{"model":"new-model","dataset":"a.csv","create":true}""", true)]
    [TestCase("""{"model":"new-model","dataset":"a.csv","create":false}""", false)]
    [TestCase("""{"model":"new-model","dataset":"a.csv"}""", false)]
    public void Parse_Create_IsReadAsABoolean(string json, bool expected) =>
        Assert.That(Parse(json).Value!.Create, Is.EqualTo(expected));

    [TestCase("""{"model":null,"dataset":"a.csv"}""", "/model")]
    [TestCase("""{"model":7,"dataset":"a.csv"}""", "/model")]
    [TestCase("""{"model":"a","dataset":null}""", "/dataset")]
    [TestCase("""{"model":"a","dataset":["a.csv"]}""", "/dataset")]
    [TestCase("""{"model":"a","model":"b"}""", "/model")]
    [TestCase("""{"model":"a","trainer":"lightgbm"}""", "/trainer")]
    [TestCase("""{"model":"a","create":"true"}""", "/create")]
    [TestCase("""{"model":"a","create":1}""", "/create")]
    [TestCase("""{"model":"a","create":null}""", "/create")]
    [TestCase("""{"model":"a","create":true,"create":true}""", "/create")]
    public void Parse_WrongShape_IsMalformedAtThePointer(string json, string expectedPointer)
    {
        var result = Parse(json);

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.True);
            Assert.That(result.Errors.Select(e => e.Pointer), Does.Contain(expectedPointer));
        });
    }

    [TestCase("../x")]
    [TestCase("Archive")]
    [TestCase("a/b")]
    [TestCase("%2e%2e")]
    [TestCase("https://evil.example/m")]
    [TestCase("")]
    public void Parse_InvalidModelName_IsInvalidAtModel(string model)
    {
        var result = Parse($$"""{"model":"{{model}}","dataset":"a.csv"}""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.False);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/model"));
        });
    }

    [TestCase("../secrets.csv")]
    [TestCase("data/../../etc/passwd")]
    [TestCase("/etc/passwd")]
    [TestCase("%2e%2e/x.csv")]
    [TestCase("https://evil.example/data.csv")]
    [TestCase("file:///etc/passwd")]
    [TestCase("C:\\\\data\\\\x.csv")]
    [TestCase("")]
    public void Parse_UnsafeDatasetPath_IsInvalidAtDataset(string dataset)
    {
        var result = Parse($$"""{"model":"archive-forecast","dataset":"{{dataset}}"}""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.False);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/dataset"));
        });
    }
}
