namespace ArchiveForecast.Core.Tests.Registry;

/// <summary>
/// Model names and run ids are store path segments: they must match to the true end of the text. In .NET a pattern
/// ending in <c>$</c> also matches before a final line feed, which let <c>"name\n"</c> through.
/// </summary>
[TestFixture]
public sealed class NamePatternTests
{
    private static readonly string[] Suffixes = ["\n", "\r", "\0", "\r\n", "\n\n"];

    [TestCase("archive-forecast")]
    [TestCase("a")]
    [TestCase("m2")]
    public void ModelName_Plain_IsValid(string name) => Assert.That(ModelName.IsValid(name), Is.True);

    [TestCaseSource(nameof(Suffixes))]
    public void ModelName_WithATrailingControlCharacter_IsInvalid(string suffix) =>
        Assert.That(ModelName.IsValid("archive-forecast" + suffix), Is.False);

    [TestCaseSource(nameof(Suffixes))]
    public void ModelName_WithALeadingControlCharacter_IsInvalid(string prefix) =>
        Assert.That(ModelName.IsValid(prefix + "archive-forecast"), Is.False);

    [TestCaseSource(nameof(Suffixes))]
    public void RunId_WithATrailingControlCharacter_IsInvalid(string suffix) =>
        Assert.That(RunId.IsValid("20250101T000000Z-0abc1234" + suffix), Is.False);

    [Test]
    public void RunId_Plain_IsValid() => Assert.That(RunId.IsValid("20250101T000000Z-0abc1234"), Is.True);

    [Test]
    public void ModelName_TryParse_Invalid_GivesTheOneRule()
    {
        bool parsed = ModelName.TryParse("Upper", out var name, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(name, Is.Null);
            Assert.That(error, Is.EqualTo(ModelName.Rule));
        });
    }

    [TestCase("../x")]
    [TestCase("a/b")]
    [TestCase("..")]
    [TestCase("%2e%2e")]
    [TestCase("Upper")]
    [TestCase("")]
    [TestCase("https://evil.example/x")]
    [TestCase(null)]
    public void ModelName_Parse_Unsafe_IsRefusedWithTheRule(string? name) =>
        Assert.That(() => ModelName.Parse(name), Throws.ArgumentException.With.Message.StartsWith(ModelName.Rule));

    [Test]
    public void ModelName_Parse_Valid_KeepsTheText()
    {
        var name = ModelName.Parse("archive-forecast");

        Assert.Multiple(() =>
        {
            Assert.That(name.Value, Is.EqualTo("archive-forecast"));
            Assert.That((string)name, Is.EqualTo("archive-forecast"));
            Assert.That(name, Is.EqualTo(ModelName.Parse("archive-forecast")));
        });
    }

    [Test]
    public void RunId_TryParse_Invalid_GivesTheOneRule()
    {
        bool parsed = RunId.TryParse("../x", out var runId, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(runId, Is.Null);
            Assert.That(error, Is.EqualTo(RunId.Rule));
        });
    }

    [Test]
    public void RunId_New_IsValidAndSortsByTime()
    {
        var clock = new FakeTimeProvider(TestClock.Start);

        var first = RunId.New(clock);
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = RunId.New(clock);

        Assert.Multiple(() =>
        {
            Assert.That(RunId.IsValid(first.Value), Is.True);
            Assert.That(first.Value, Does.StartWith("20260301T120000Z-"));
            Assert.That(string.CompareOrdinal(first.Value, second.Value), Is.LessThan(0));
        });
    }
}
