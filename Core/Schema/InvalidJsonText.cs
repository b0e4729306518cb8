namespace ArchiveForecast.Core.Schema;

/// <summary>Where a JSON document holds text that is not valid Unicode, and what is wrong with it.</summary>
/// <param name="Pointer">The JSON pointer of the value (or, for a property name, of its object); null when no position is known.</param>
/// <param name="Detail">What is wrong, without echoing the bytes.</param>
#pragma warning disable CA1720 // "pointer" is the RFC 6901 term the problem documents use.
public sealed record InvalidJsonText(string? Pointer, string Detail);
#pragma warning restore CA1720
