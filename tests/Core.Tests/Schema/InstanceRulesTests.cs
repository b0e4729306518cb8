namespace ArchiveForecast.Core.Tests.Schema;

[TestFixture]
public sealed class InstanceRulesTests
{
    private static IEnumerable<TestCaseData> NonFiniteValues()
    {
        yield return new TestCaseData(double.NaN).SetArgDisplayNames("NaN");
        yield return new TestCaseData(double.PositiveInfinity).SetArgDisplayNames("+Infinity");
        yield return new TestCaseData(double.NegativeInfinity).SetArgDisplayNames("-Infinity");
    }

    private static IEnumerable<TestCaseData> ShareFields()
    {
        yield return new TestCaseData(FieldNames.PctPdf, new Func<double, ForecastInput>(v => new ForecastInputBuilder().WithShares(v, 0, 0).Build()));
        yield return new TestCaseData(FieldNames.PctDocx, new Func<double, ForecastInput>(v => new ForecastInputBuilder().WithShares(0, v, 0).Build()));
        yield return new TestCaseData(FieldNames.PctXlsx, new Func<double, ForecastInput>(v => new ForecastInputBuilder().WithShares(0, 0, v).Build()));
    }

    [Test]
    public void Validate_WhenInputValid_ReturnsNoErrors()
    {
        var input = new ForecastInputBuilder().Build();

        var errors = InstanceRules.Validate(input);

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Validate_WhenEverythingIsZero_ReturnsNoErrors()
    {
        var input = new ForecastInputBuilder().WithTotalFiles(0).WithAvgFileSizeMb(0).WithShares(0, 0, 0).WithArchiveFrequencyPerDay(0).Build();

        Assert.That(InstanceRules.Validate(input), Is.Empty);
    }

    [Test]
    public void Validate_WhenTotalFilesNegative_NamesTotalFiles()
    {
        var input = new ForecastInputBuilder().WithTotalFiles(-1).Build();

        var errors = InstanceRules.Validate(input);

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { FieldNames.TotalFiles }));
    }

    [Test]
    public void Validate_WhenAvgFileSizeNegative_NamesAvgFileSize()
    {
        var input = new ForecastInputBuilder().WithAvgFileSizeMb(-0.5).Build();

        var errors = InstanceRules.Validate(input);

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { FieldNames.AvgFileSizeMb }));
    }

    [Test]
    public void Validate_WhenArchiveFrequencyNegative_NamesArchiveFrequency()
    {
        var input = new ForecastInputBuilder().WithArchiveFrequencyPerDay(-2).Build();

        var errors = InstanceRules.Validate(input);

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { FieldNames.ArchiveFrequencyPerDay }));
    }

    [TestCaseSource(nameof(NonFiniteValues))]
    public void Validate_WhenAvgFileSizeNotFinite_SaysFiniteNumber(double value)
    {
        var input = new ForecastInputBuilder().WithAvgFileSizeMb(value).Build();

        var errors = InstanceRules.Validate(input);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(errors[0].Field, Is.EqualTo(FieldNames.AvgFileSizeMb));
            Assert.That(errors[0].Detail, Does.Contain("finite"));
        });
    }

    [TestCaseSource(nameof(NonFiniteValues))]
    public void Validate_WhenArchiveFrequencyNotFinite_SaysFiniteNumber(double value)
    {
        var input = new ForecastInputBuilder().WithArchiveFrequencyPerDay(value).Build();

        var errors = InstanceRules.Validate(input);

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { FieldNames.ArchiveFrequencyPerDay }));
        Assert.That(errors[0].Detail, Does.Contain("finite"));
    }

    [TestCaseSource(nameof(ShareFields))]
    public void Validate_WhenShareGivenAsPercentage_NamesFieldAndExplainsShares(string field, Func<double, ForecastInput> inputWith)
    {
        var errors = InstanceRules.Validate(inputWith(50));

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { field }), "a share out of range is not also reported as a bad sum");
        Assert.That(errors[0].Detail, Does.Contain("0.4"));
    }

    [TestCaseSource(nameof(ShareFields))]
    public void Validate_WhenShareJustAboveOne_NamesField(string field, Func<double, ForecastInput> inputWith)
    {
        var errors = InstanceRules.Validate(inputWith(1.0000001));

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { field }));
    }

    [TestCaseSource(nameof(ShareFields))]
    public void Validate_WhenShareNegative_NamesField(string field, Func<double, ForecastInput> inputWith)
    {
        var errors = InstanceRules.Validate(inputWith(-0.1));

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { field }));
    }

    [TestCaseSource(nameof(ShareFields))]
    public void Validate_WhenShareNaN_SaysFiniteNumber(string field, Func<double, ForecastInput> inputWith)
    {
        var errors = InstanceRules.Validate(inputWith(double.NaN));

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { field }));
        Assert.That(errors[0].Detail, Does.Contain("finite"));
    }

    [TestCaseSource(nameof(ShareFields))]
    public void Validate_WhenShareExactlyOne_Accepts(string field, Func<double, ForecastInput> inputWith)
    {
        Assert.That(InstanceRules.Validate(inputWith(1)), Is.Empty, field);
    }

    [Test]
    public void Validate_WhenSharesSumAboveOne_ReportsRowLevelError()
    {
        var input = new ForecastInputBuilder().WithShares(0.5, 0.4, 0.2).Build();

        var errors = InstanceRules.Validate(input);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(errors[0].Field, Is.Empty);
            Assert.That(errors[0].Detail, Does.Contain("pct_pdf + pct_docx + pct_xlsx"));
        });
    }

    [Test]
    public void Validate_WhenSharesSumOnePlusOneTenMillionth_Accepts()
    {
        var input = new ForecastInputBuilder().WithShares(0.5, 0.3, 0.2 + 1e-7).Build();

        Assert.That(InstanceRules.Validate(input), Is.Empty);
    }

    [Test]
    public void Validate_WhenSharesSumBeyondTolerance_Rejects()
    {
        var input = new ForecastInputBuilder().WithShares(0.5, 0.3, 0.2 + 1e-5).Build();

        Assert.That(InstanceRules.Validate(input).Select(e => e.Field), Is.EqualTo(new[] { string.Empty }));
    }

    [Test]
    public void Validate_WhenSeveralFieldsBroken_ReportsAllInContractOrder()
    {
        var input = new ForecastInput(new DateOnly(2024, 1, 1), -5, double.NaN, 1.5, -0.2, 50, double.PositiveInfinity);

        var errors = InstanceRules.Validate(input);

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[]
        {
            FieldNames.TotalFiles, FieldNames.AvgFileSizeMb, FieldNames.PctPdf, FieldNames.PctDocx, FieldNames.PctXlsx,
            FieldNames.ArchiveFrequencyPerDay,
        }));
    }

    [Test]
    public void Validate_WhenTargetsValid_ReturnsNoErrors()
    {
        Assert.That(InstanceRules.Validate(new ForecastTargets(0, 12.5)), Is.Empty);
    }

    [Test]
    public void Validate_WhenTargetsNegativeOrNotFinite_NamesBoth()
    {
        var errors = InstanceRules.Validate(new ForecastTargets(-1, double.NaN));

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { FieldNames.ArchivedGbNextPeriod, FieldNames.SavingsGbNextPeriod }));
        Assert.Multiple(() =>
        {
            Assert.That(errors[0].Detail, Does.Contain("0 or more"));
            Assert.That(errors[1].Detail, Does.Contain("finite"));
        });
    }

    [TestCaseSource(nameof(NonFiniteValues))]
    public void Validate_WhenArchivedTargetNotFinite_Rejects(double value)
    {
        var errors = InstanceRules.Validate(new ForecastTargets(value, 1));

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { FieldNames.ArchivedGbNextPeriod }));
    }
}
