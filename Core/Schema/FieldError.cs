namespace ArchiveForecast.Core.Schema;

/// <summary>One broken rule of one field. Hosts turn <see cref="Field"/> into a location: a JSON pointer or a CSV line and column.</summary>
/// <param name="Field">The snake_case field name, or an empty string for a rule over several fields of the row.</param>
/// <param name="Detail">A sentence a user can act on; it never echoes more than the offending value.</param>
public sealed record FieldError(string Field, string Detail);
