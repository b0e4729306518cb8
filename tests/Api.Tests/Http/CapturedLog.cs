using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>One log message of a test server.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
