using ArchiveForecast.Core.Telemetry;

namespace ArchiveForecast.Core.Tests.Telemetry;

[TestFixture]
public sealed class LogTextTests
{
    [TestCase("plain", "plain")]
    [TestCase("", "")]
    [TestCase(null, "")]
    [TestCase("a\r\nb", @"a\r\nb")]
    [TestCase("a\tb\0c", @"a\tb\u0000c")]
    [TestCase("a\u2028b\u0085c", @"a\u2028b\u0085c")]
    [TestCase(@"C:\models", @"C:\models")]
    public void Escape_ControlAndLineBreakingCharacters_AreWrittenAsEscapes(string? text, string expected) =>
        Assert.That(LogText.Escape(text), Is.EqualTo(expected));
}
