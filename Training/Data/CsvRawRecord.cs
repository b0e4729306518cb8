namespace ArchiveForecast.Training.Data;

/// <summary>One record as the tokenizer saw it: where it started, its fields, and the first syntax error in it.</summary>
internal readonly record struct CsvRawRecord(int Line, string[] Fields, string? Error);
