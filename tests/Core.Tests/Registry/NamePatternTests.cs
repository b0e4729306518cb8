using ArchiveForecast.Core.Registry;

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
        Assert.That(ModelRegistry.IsValidRunId("20250101T000000Z-0abc1234" + suffix), Is.False);

    [Test]
    public void RunId_Plain_IsValid() => Assert.That(ModelRegistry.IsValidRunId("20250101T000000Z-0abc1234"), Is.True);
}
