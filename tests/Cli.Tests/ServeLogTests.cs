using ArchiveForecast.Cli.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Cli.Tests;

/// <summary>serve's log writer keeps every record on one line, whatever the message or exception text holds.</summary>
[TestFixture]
public sealed partial class ServeLogTests
{
    [TestCase("path /api/models/x\r\nerror: forged line")]
    [TestCase("path /api/models/x\nerror: forged line")]
    [TestCase("path /api/models/x\rerror: forged line")]
    [TestCase("path /api/models/x\u2028error: forged line")]
    [TestCase("path /api/models/x\u0085error: forged line")]
    public void Log_MessageWithLineBreaks_StaysOneLineWithTheBreaksEscaped(string message)
    {
        using var writer = new StringWriter();
        using var provider = new TextWriterLoggerProvider(writer, verbose: false);

        var logger = provider.CreateLogger("test");

        Value(logger, message);

        Assert.Multiple(() =>
        {
            Assert.That(Lines(writer), Has.Count.EqualTo(1));
            Assert.That(writer.ToString(), Does.StartWith("info: path /api/models/x\\").And.Not.Contain("\nerror: forged"));
        });
    }

    [Test]
    public void Log_ExceptionWithLineBreaks_StaysTwoLines()
    {
        using var writer = new StringWriter();
        using var provider = new TextWriterLoggerProvider(writer, verbose: false);

        var logger = provider.CreateLogger("test");

        Failed(logger, new IOException("could not open /m/x\r\nerror: forged"), "x\nerror: forged");

        var lines = Lines(writer);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(2));
            Assert.That(lines[0], Is.EqualTo(@"error: Failed x\nerror: forged"));
            Assert.That(lines[1], Is.EqualTo(@"  IOException: could not open /m/x\r\nerror: forged"));
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Value}")]
    private static partial void Value(ILogger logger, string value);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed {Name}")]
    private static partial void Failed(ILogger logger, Exception exception, string name);

    private static List<string> Lines(StringWriter writer) =>
        [.. writer.ToString().Split(writer.NewLine, StringSplitOptions.RemoveEmptyEntries)];
}
