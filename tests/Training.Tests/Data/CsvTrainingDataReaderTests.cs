using System.Text;

namespace ArchiveForecast.Training.Tests.Data;

[TestFixture]
public sealed class CsvTrainingDataReaderTests
{
    [Test]
    public async Task Read_ValidRows_AcceptsEveryRowWithItsValues()
    {
        var result = await new CsvBuilder().Row().Row("month=2024-04-01", "total_files=7").ReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsRead, Is.EqualTo(2));
            Assert.That(result.RowsRejected, Is.Zero);
            Assert.That(result.Accepted, Has.Count.EqualTo(2));
            Assert.That(result.Accepted[1].Input.Month, Is.EqualTo(new DateOnly(2024, 4, 1)));
            Assert.That(result.Accepted[1].Input.TotalFiles, Is.EqualTo(7));
            Assert.That(result.Accepted[0].Input.AvgFileSizeMb, Is.EqualTo(2.5));
            Assert.That(result.Accepted[0].Targets.ArchivedGbNextPeriod, Is.EqualTo(1.75));
            Assert.That(result.Accepted[0].Targets.SavingsGbNextPeriod, Is.EqualTo(0.5));
            Assert.That(result.Accepted[0].SourceId, Is.Null);
        });
    }

    [TestCase("total_files=abc", "total_files is not a number")]
    [TestCase("total_files=12.5", "total_files must be a whole number")]
    [TestCase("total_files=-1", "total_files must be 0 or more")]
    [TestCase("total_files=", "total_files is empty")]
    [TestCase("avg_file_size_mb=1,5", "the row has 10 fields where the header has 9")]
    [TestCase("avg_file_size_mb=-0.1", "avg_file_size_mb must be 0 or more")]
    [TestCase("avg_file_size_mb=NaN", "avg_file_size_mb must be a finite number")]
    [TestCase("avg_file_size_mb=1e400", "avg_file_size_mb must be a finite number")]
    [TestCase("pct_pdf=1.2", "pct_pdf must be a share between 0 and 1")]
    [TestCase("pct_docx=-0.1", "pct_docx must be a share between 0 and 1")]
    [TestCase("pct_xlsx=50", "pct_xlsx must be a share between 0 and 1")]
    [TestCase("pct_pdf=0.6", "pct_pdf + pct_docx + pct_xlsx must not exceed 1")]
    [TestCase("archive_frequency_per_day=-2", "archive_frequency_per_day must be 0 or more")]
    [TestCase("archived_gb_next_period=-1", "archived_gb_next_period must be 0 or more")]
    [TestCase("savings_gb_next_period=Infinity", "savings_gb_next_period must be a finite number")]
    [TestCase("month=2024-13-01", "month must be a real calendar month")]
    [TestCase("month=2024-03-15", "month must name the first day of the month")]
    [TestCase("month=2024-1-01", "month must be in the form YYYY-MM-01")]
    [TestCase("month=2024/01/01", "month must be in the form YYYY-MM-01")]
    [TestCase("month=Jan 2024", "month must be in the form YYYY-MM-01")]
    [TestCase("month=", "month is required")]
    [TestCase("month=２０２４-01-01", "month must be in the form YYYY-MM-01")]
    public async Task Read_BadValue_RejectsTheRowWithItsLineAndReason(string change, string reason)
    {
        var result = await new CsvBuilder().Row().Row(change).Row().ReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsRead, Is.EqualTo(3));
            Assert.That(result.Accepted, Has.Count.EqualTo(2));
            Assert.That(result.RowsRejected, Is.EqualTo(1));
            Assert.That(result.Rejections.Single().Line, Is.EqualTo(3));
            Assert.That(result.Rejections.Single().Reason, Does.Contain(reason));
        });
    }

    [Test]
    public async Task Read_RowWithSeveralBadValues_GivesEveryReason()
    {
        var result = await new CsvBuilder().Row("total_files=x", "pct_pdf=2", "month=2024-00-01").ReadAsync();

        string reason = result.Rejections.Single().Reason;
        Assert.Multiple(() =>
        {
            Assert.That(reason, Does.Contain("month must be a real calendar month"));
            Assert.That(reason, Does.Contain("total_files is not a number"));
            Assert.That(reason, Does.Contain("pct_pdf must be a share"));
        });
    }

    [Test]
    public async Task Read_WholeNumberWrittenAsFloat_IsAccepted()
    {
        var result = await new CsvBuilder().Row("total_files=120.0").ReadAsync();

        Assert.That(result.Accepted.Single().Input.TotalFiles, Is.EqualTo(120));
    }

    [Test]
    public async Task Read_TooFewFields_RejectsWithTheCounts()
    {
        var result = await new CsvBuilder().Row().Raw("2024-01-01,1,2").ReadAsync();

        Assert.That(result.Rejections.Single(), Is.EqualTo(new CsvRejection(3, "the row has 3 fields where the header has 9")));
    }

    [Test]
    public async Task Read_ColumnsInAnotherOrderWithExtras_MapsByHeaderName()
    {
        var result = await new CsvBuilder()
            .WithColumns("note", "savings_gb_next_period", "month", "pct_xlsx", "pct_docx", "pct_pdf", "source_id",
                "archive_frequency_per_day", "avg_file_size_mb", "total_files", "archived_gb_next_period")
            .Row("note=anything", "source_id=src-9", "savings_gb_next_period=0.25")
            .ReadAsync();

        var row = result.Accepted.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Targets.SavingsGbNextPeriod, Is.EqualTo(0.25));
            Assert.That(row.Input.PctPdf, Is.EqualTo(0.4));
            Assert.That(row.SourceId, Is.EqualTo("src-9"));
        });
    }

    [Test]
    public async Task Read_HeaderNamesWithSpacesAndCapitals_AreRecognised()
    {
        var csv = new CsvBuilder().Row().Build().Replace("month", " Month ", StringComparison.Ordinal);

        var result = await CsvTrainingDataReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), null, CancellationToken.None);

        Assert.That(result.Accepted, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Read_MissingRequiredColumns_RefusesTheFileNamingThem()
    {
        var builder = new CsvBuilder().WithColumns("month", "total_files", "avg_file_size_mb", "pct_pdf", "pct_docx", "archive_frequency_per_day", "archived_gb_next_period").Row();

        var ex = await Assert.ThrowsAsync<TrainingDataException>(builder.ReadAsync);

        Assert.That(ex!.Message, Does.Contain("lacks the required columns pct_xlsx, savings_gb_next_period"));
    }

    [Test]
    public async Task Read_DuplicateRequiredColumn_RefusesTheFile()
    {
        var builder = new CsvBuilder().WithColumns([.. CsvTrainingDataReader.RequiredColumns, "month"]);

        var ex = await Assert.ThrowsAsync<TrainingDataException>(builder.ReadAsync);

        Assert.That(ex!.Message, Does.Contain("month twice"));
    }

    [Test]
    public async Task Read_EmptyFile_RefusesItAskingForAHeader()
    {
        var ex = await Assert.ThrowsAsync<TrainingDataException>(() => CsvTrainingDataReader.ReadAsync(new MemoryStream(), null, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("header row"));
    }

    [Test]
    public async Task Read_InvalidUtf8_RefusesTheFile()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(new CsvBuilder().Build()), 0xC3, 0x28, (byte)'\n'];

        var ex = await Assert.ThrowsAsync<TrainingDataException>(() => CsvTrainingDataReader.ReadAsync(new MemoryStream(bytes), null, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("UTF-8"));
    }

    [Test]
    public async Task Read_Utf8Bom_IsSkipped()
    {
        var result = await new CsvBuilder().WithBom().Row().ReadAsync();

        Assert.That(result.Accepted, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Read_CrLfLineEndsAndBlankLines_CountLinesAsAnEditorDoes()
    {
        var result = await new CsvBuilder().WithCrLf().Row().Raw(string.Empty).Row("pct_pdf=9").ReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsRead, Is.EqualTo(2));
            Assert.That(result.Rejections.Single().Line, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Read_QuotedFields_UnquoteCommasQuotesAndNewlines()
    {
        var result = await new CsvBuilder()
            .WithColumns([.. CsvTrainingDataReader.RequiredColumns, "source_id"])
            .Row("source_id=\"north, \"\"main\"\"\nsite\"", "month=\"2024-05-01\"")
            .Row("pct_pdf=7")
            .ReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Accepted.Single().SourceId, Is.EqualTo("north, \"main\"\nsite"));
            Assert.That(result.Accepted.Single().Input.Month, Is.EqualTo(new DateOnly(2024, 5, 1)));
            Assert.That(result.Rejections.Single().Line, Is.EqualTo(4), "the quoted newline moves the next row down a line");
        });
    }

    [Test]
    public async Task Read_QuoteInsideUnquotedField_RejectsTheRow()
    {
        var result = await new CsvBuilder().Row("month=20\"24-01-01").ReadAsync();

        Assert.That(result.Rejections.Single().Reason, Does.Contain("quote appears inside unquoted field 1"));
    }

    [Test]
    public async Task Read_TextAfterClosingQuote_RejectsTheRow()
    {
        var result = await new CsvBuilder().Row("total_files=\"12\"3").ReadAsync();

        Assert.That(result.Rejections.Single().Reason, Does.Contain("field 2 has text after its closing quote"));
    }

    [Test]
    public async Task Read_UnclosedQuote_RejectsTheLastRowAtTheLineItStarts()
    {
        var result = await new CsvBuilder().Row().Row("month=\"2024-01-01").Row().ReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Accepted, Has.Count.EqualTo(1));
            Assert.That(result.Rejections.Single().Line, Is.EqualTo(3));
            Assert.That(result.Rejections.Single().Reason, Does.Contain("not closed before the end of the file"));
        });
    }

    [Test]
    public async Task Read_LastLineWithoutNewline_IsRead()
    {
        string csv = new CsvBuilder().Row().Build().TrimEnd('\n');

        var result = await CsvTrainingDataReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), null, CancellationToken.None);

        Assert.That(result.Accepted, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Read_ManyRejections_CountsAllButKeepsTheFirstThousand()
    {
        var builder = new CsvBuilder();
        for (int i = 0; i < CsvTrainingDataReader.MaxRejectionsKept + 5; i++)
        {
            builder.Row("pct_pdf=2");
        }

        var result = await builder.ReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsRejected, Is.EqualTo(CsvTrainingDataReader.MaxRejectionsKept + 5));
            Assert.That(result.Rejections, Has.Count.EqualTo(CsvTrainingDataReader.MaxRejectionsKept));
            Assert.That(result.RejectedShare, Is.EqualTo(1.0));
        });
    }

    [Test]
    public async Task Read_RowsAcrossReadChunks_AreAllRead()
    {
        var builder = new CsvBuilder();
        for (int i = 0; i < 5000; i++)
        {
            builder.Row($"total_files={i}");
        }

        var result = await builder.ReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Accepted, Has.Count.EqualTo(5000));
            Assert.That(result.Accepted.Select(r => r.Input.TotalFiles), Is.EqualTo(Enumerable.Range(0, 5000).Select(i => (long)i)));
        });
    }

    [Test]
    public async Task Read_WhatTheWriterWrote_GivesBackTheSameRows()
    {
        var rows = SyntheticDataGenerator.Generate(300, seed: 5).ToList();
        using var stream = new MemoryStream();
        await TrainingDataCsvWriter.WriteAsync(rows, stream, CancellationToken.None);
        stream.Position = 0;

        var result = await CsvTrainingDataReader.ReadAsync(stream, null, CancellationToken.None);

        Assert.That(result.Accepted, Is.EqualTo(rows));
    }
}
