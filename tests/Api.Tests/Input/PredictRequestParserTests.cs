using ArchiveForecast.Api.Input;
using ArchiveForecast.Api.Tests.Builders;

namespace ArchiveForecast.Api.Tests.Input;

[TestFixture]
public sealed class PredictRequestParserTests
{
    private static ParseResult<IReadOnlyList<Core.Schema.ForecastInput>> Parse(string json) =>
        PredictRequestParser.Parse(Encoding.UTF8.GetBytes(json));

    private static ParseResult<IReadOnlyList<Core.Schema.ForecastInput>> Parse(PredictBodyBuilder builder) =>
        PredictRequestParser.Parse(builder.BuildUtf8());

    [Test]
    public void Parse_PythonEraRequest_ReadsEveryField()
    {
        var result = Parse("""{"instances":[{"month":"2025-07-01","total_files":120000,"avg_file_size_mb":1.2,"pct_pdf":0.4,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":15}]}""");

        Assert.That(result.Succeeded, Is.True);
        var input = result.Value![0];
        Assert.Multiple(() =>
        {
            Assert.That(input.Month, Is.EqualTo(new DateOnly(2025, 7, 1)));
            Assert.That(input.TotalFiles, Is.EqualTo(120000));
            Assert.That(input.AvgFileSizeMb, Is.EqualTo(1.2));
            Assert.That(input.PctPdf, Is.EqualTo(0.4));
            Assert.That(input.PctDocx, Is.EqualTo(0.3));
            Assert.That(input.PctXlsx, Is.EqualTo(0.2));
            Assert.That(input.ArchiveFrequencyPerDay, Is.EqualTo(15));
        });
    }

    [Test]
    public void Parse_FieldsInAnyOrderAndWhiteSpace_Succeeds()
    {
        var result = Parse("""
            { "instances" : [ { "archive_frequency_per_day": 1, "pct_xlsx": 0, "pct_docx": 0, "pct_pdf": 1,
              "avg_file_size_mb": 0, "total_files": 0, "month": "2024-12-01" } ] }
            """);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Parse_EscapedPropertyName_IsMatchedAfterUnescaping()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1).Remove(0, "month").Add(0, "mon\\u0074h", "\"2025-07-01\""));

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Parse_AThousandInstances_Succeeds()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1000));

        Assert.That(result.Value, Has.Count.EqualTo(1000));
    }

    [TestCase("120000.0")]
    [TestCase("1.2e5")]
    public void Parse_IntegralTotalFilesWrittenAsDecimal_IsAccepted(string raw)
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1).Set(0, "total_files", raw));

        Assert.That(result.Value![0].TotalFiles, Is.EqualTo(120000));
    }

    [TestCase("", TestName = "Parse_EmptyBody_IsMalformed")]
    [TestCase("   ", TestName = "Parse_BlankBody_IsMalformed")]
    [TestCase("""{"instances":[{"month":"2025-07-01"}""", TestName = "Parse_TruncatedJson_IsMalformed")]
    [TestCase("""{"instances":[],}""", TestName = "Parse_TrailingComma_IsMalformed")]
    [TestCase("""{"instances":[] /* c */}""", TestName = "Parse_BlockComment_IsMalformed")]
    [TestCase("// c\n{\"instances\":[]}", TestName = "Parse_LineComment_IsMalformed")]
    [TestCase("""{"instances":[]} {}""", TestName = "Parse_TwoTopLevelValues_IsMalformed")]
    [TestCase("""{"instances":[]} x""", TestName = "Parse_TrailingGarbage_IsMalformed")]
    [TestCase("{'instances':[]}", TestName = "Parse_SingleQuotes_IsMalformed")]
    public void Parse_NotJson_IsMalformedWithoutPointers(string json)
    {
        var result = Parse(json);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Malformed, Is.True);
            Assert.That(result.Detail, Is.Not.Null.And.Not.Empty);
        });
    }

    [TestCase("[]", "an array")]
    [TestCase("[{\"instances\":[]}]", "an array")]
    [TestCase("42", "a number")]
    [TestCase("\"text\"", "a string")]
    [TestCase("null", "null")]
    [TestCase("true", "a boolean")]
    public void Parse_TopLevelNotAnObject_IsMalformedAtRoot(string json, string described)
    {
        var result = Parse(json);

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.True);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo(string.Empty));
            Assert.That(result.Errors.Single().Detail, Does.Contain(described));
        });
    }

    [Test]
    public void Parse_ThousandDeepNesting_IsMalformedAndSaysSo()
    {
        var result = Parse("{\"instances\":" + new string('[', 1000) + new string(']', 1000) + "}");

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.True);
            Assert.That(result.Detail, Does.Contain("deeper than 16"));
        });
    }

    [Test]
    public void Parse_ThousandDeepNestingAtTopLevel_IsMalformedAndSaysSo()
    {
        var result = Parse(new string('[', 1000) + new string(']', 1000));

        Assert.That(result.Detail, Does.Contain("deeper than 16"));
    }

    [Test]
    public void Parse_NestingOfExactlySixteen_IsNotADepthError()
    {
        // root object (1) + unknown property holding 15 nested arrays = 16 levels: allowed, reported as unknown only.
        var result = Parse("{\"instances\":[{}],\"x\":" + new string('[', 15) + new string(']', 15) + "}");

        Assert.Multiple(() =>
        {
            Assert.That(result.Detail, Is.Null);
            Assert.That(result.Errors.Select(e => e.Pointer), Does.Contain("/x"));
        });
    }

    [Test]
    public void Parse_NestingOfSeventeen_IsADepthError()
    {
        var result = Parse("{\"instances\":[{}],\"x\":" + new string('[', 16) + new string(']', 16) + "}");

        Assert.That(result.Detail, Does.Contain("deeper than 16"));
    }

    [Test]
    public void Parse_UnknownTopLevelProperty_IsMalformedWithPointer()
    {
        var result = Parse("""{"instances":[],"extra":{"a":[1,2]}}""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.True);
            Assert.That(result.Errors.Select(e => e.Pointer), Does.Contain("/extra"));
        });
    }

    [Test]
    public void Parse_DuplicateInstances_IsMalformed()
    {
        var result = Parse("""{"instances":[],"instances":[]}""");

        Assert.That(result.Errors.Select(e => e.Detail), Has.Some.Contains("more than once"));
    }

    [Test]
    public void Parse_MissingInstances_IsMalformed()
    {
        var result = Parse("{}");

        Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances"));
    }

    [TestCase("null")]
    [TestCase("{}")]
    [TestCase("\"a\"")]
    public void Parse_InstancesNotAnArray_IsMalformed(string raw)
    {
        var result = Parse("{\"instances\":" + raw + "}");

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.True);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances"));
        });
    }

    [Test]
    public void Parse_InstanceNotAnObject_IsMalformedAtItsIndex()
    {
        var result = Parse("""{"instances":[1]}""");

        Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances/0"));
    }

    [Test]
    public void Parse_EmptyBatch_IsInvalidAtInstances()
    {
        var result = Parse("""{"instances":[]}""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.False);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances"));
        });
    }

    [Test]
    public void Parse_ThousandAndOneInstances_IsInvalidAtInstances()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1001));

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.False);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances"));
            Assert.That(result.Errors.Single().Detail, Does.Contain("1001"));
        });
    }

    [TestCase("month", "null")]
    [TestCase("month", "202507")]
    [TestCase("total_files", "\"120000\"")]
    [TestCase("total_files", "1.5")]
    [TestCase("total_files", "null")]
    [TestCase("total_files", "true")]
    [TestCase("total_files", "99999999999999999999")]
    [TestCase("avg_file_size_mb", "\"1.2\"")]
    [TestCase("avg_file_size_mb", "\"NaN\"")]
    [TestCase("avg_file_size_mb", "1e400")]
    [TestCase("avg_file_size_mb", "-1e400")]
    [TestCase("pct_pdf", "null")]
    [TestCase("pct_pdf", "[0.4]")]
    [TestCase("pct_pdf", "{\"v\":0.4}")]
    [TestCase("archive_frequency_per_day", "\"Infinity\"")]
    public void Parse_WrongTypeOrUnrepresentableValue_IsMalformedAtTheField(string field, string raw)
    {
        var result = Parse(PredictBodyBuilder.WithInstances(3).Set(2, field, raw));

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.True);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo($"/instances/2/{field}"));
        });
    }

    [Test]
    public void Parse_MissingField_IsMalformedAtTheField()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(2).Remove(1, "pct_docx"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.True);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances/1/pct_docx"));
            Assert.That(result.Errors.Single().Detail, Does.Contain("required"));
        });
    }

    [Test]
    public void Parse_EveryFieldMissing_ReportsEachOne()
    {
        var result = Parse("""{"instances":[{}]}""");

        Assert.That(result.Errors.Select(e => e.Pointer), Is.EquivalentTo(Core.Schema.FieldNames.Inputs.Select(f => "/instances/0/" + f)));
    }

    [Test]
    public void Parse_UnknownField_IsMalformedAtTheField()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1).Add(0, "source_id", "\"a\""));

        Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances/0/source_id"));
    }

    [Test]
    public void Parse_UnknownFieldWithSlashAndTilde_IsEscapedInThePointer()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1).Add(0, "a/b~c", "1"));

        Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances/0/a~1b~0c"));
    }

    [Test]
    public void Parse_FieldNameInAnotherCase_IsUnknown()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1).Remove(0, "month").Add(0, "Month", "\"2025-07-01\""));

        Assert.That(result.Errors.Select(e => e.Pointer), Is.EquivalentTo(new[] { "/instances/0/Month", "/instances/0/month" }));
    }

    [Test]
    public void Parse_DuplicateField_IsMalformedEvenWithTheSameValue()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1).Add(0, "pct_pdf", "0.4"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.True);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances/0/pct_pdf"));
            Assert.That(result.Errors.Single().Detail, Does.Contain("more than once"));
        });
    }

    [TestCase("total_files", "-1")]
    [TestCase("avg_file_size_mb", "-0.5")]
    [TestCase("archive_frequency_per_day", "-3")]
    [TestCase("pct_pdf", "1.5")]
    [TestCase("pct_pdf", "50")]
    [TestCase("pct_xlsx", "-0.1")]
    [TestCase("month", "\"2024-13-01\"")]
    [TestCase("month", "\"2024-1-01\"")]
    [TestCase("month", "\"2024/01/01\"")]
    [TestCase("month", "\"Jan 2024\"")]
    [TestCase("month", "\"\"")]
    [TestCase("month", "\"２０２４-０１-０１\"")]
    [TestCase("month", "\"2024-01-15\"")]
    public void Parse_BrokenValueRule_IsInvalidAtTheField(string field, string raw)
    {
        var result = Parse(PredictBodyBuilder.WithInstances(2).Set(1, field, raw));

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.False);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo($"/instances/1/{field}"));
        });
    }

    [Test]
    public void Parse_SharesSummingAboveOne_IsInvalidAtTheInstance()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1).Set(0, "pct_pdf", "0.6").Set(0, "pct_docx", "0.3").Set(0, "pct_xlsx", "0.2"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.False);
            Assert.That(result.Errors.Single().Pointer, Is.EqualTo("/instances/0"));
        });
    }

    [Test]
    public void Parse_SharesSummingToOneWithinTolerance_Succeeds()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1).Set(0, "pct_pdf", "0.5000005").Set(0, "pct_docx", "0.3").Set(0, "pct_xlsx", "0.2"));

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Parse_OneBadItemAmongGood_IsReportedByItsPointerOnly()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(10).Set(7, "pct_pdf", "50"));

        Assert.That(result.Errors.Select(e => e.Pointer), Is.EqualTo(new[] { "/instances/7/pct_pdf" }));
    }

    [Test]
    public void Parse_ManyErrors_ReportsEveryOneAtOnce()
    {
        var builder = PredictBodyBuilder.WithInstances(4)
            .Set(0, "total_files", "-1")
            .Set(1, "month", "\"2024-13-01\"")
            .Set(2, "pct_pdf", "\"0.4\"")
            .Remove(3, "archive_frequency_per_day")
            .Set(3, "avg_file_size_mb", "-2");

        var result = Parse(builder);

        Assert.Multiple(() =>
        {
            Assert.That(result.Malformed, Is.True, "any shape error makes the whole request 400");
            Assert.That(result.Errors.Select(e => e.Pointer), Is.EquivalentTo(new[]
            {
                "/instances/0/total_files",
                "/instances/1/month",
                "/instances/2/pct_pdf",
                "/instances/3/archive_frequency_per_day",
                "/instances/3/avg_file_size_mb",
            }));
        });
    }

    [Test]
    public void Parse_BrokenShareAndSumOfTheOthers_ReportsTheShareOnly()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1).Set(0, "pct_pdf", "null").Set(0, "pct_docx", "0.9").Set(0, "pct_xlsx", "0.9"));

        Assert.That(result.Errors.Select(e => e.Pointer), Is.EqualTo(new[] { "/instances/0/pct_pdf" }));
    }

    [Test]
    public void Parse_MoreErrorsThanTheCap_ListsTheCapAndSaysSo()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(1000).Set(0, "pct_pdf", "2"));
        var many = Parse("{\"instances\":[" + string.Join(',', Enumerable.Repeat("{}", 1000)) + "]}");

        Assert.Multiple(() =>
        {
            Assert.That(result.Truncated, Is.False);
            Assert.That(many.Errors, Has.Count.EqualTo(Problems.ApiProblems.MaxErrors));
            Assert.That(many.Truncated, Is.True);
        });
    }

    [Test]
    public void ToProblem_ValueErrorsOnly_Is422WithEveryError()
    {
        var result = Parse(PredictBodyBuilder.WithInstances(2).Set(0, "pct_pdf", "50").Set(1, "total_files", "-5"));
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Path = "/api/predict";

        var problem = result.ToProblem(request).Value;

        Assert.Multiple(() =>
        {
            Assert.That(problem.Status, Is.EqualTo(422));
            Assert.That(problem.Type, Is.EqualTo(Problems.ProblemTypes.Validation.Uri));
            Assert.That(problem.Instance, Is.EqualTo("/api/predict"));
            Assert.That(problem.Errors, Has.Count.EqualTo(2));
        });
    }
}
