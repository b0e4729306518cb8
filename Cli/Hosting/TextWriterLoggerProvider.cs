using ArchiveForecast.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Cli.Hosting;

/// <summary>
/// Writes log messages as plain lines on a writer (the command's stderr), so they never mix with results on stdout;
/// an exception's stack trace only when <paramref name="verbose"/>.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer, bool verbose) : ILoggerProvider
{
    private readonly Lock gate = new();

    public ILogger CreateLogger(string categoryName) => new WriterLogger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        string prefix = level switch
        {
            LogLevel.Critical => "critical",
            LogLevel.Error => "error",
            LogLevel.Warning => "warning",
            _ => "info",
        };
        lock (gate)
        {
            // One record, one line: values from requests (paths, names, exception text) cannot forge the next line.
            writer.WriteLine($"{prefix}: {LogText.Escape(message)}");
            if (exception is not null && level >= LogLevel.Error)
            {
                writer.WriteLine(verbose ? $"  {exception}" : $"  {exception.GetType().Name}: {LogText.Escape(exception.Message)}");
            }
        }
    }

    private sealed class WriterLogger(TextWriterLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }
}
