namespace ArchiveForecast.Api.Input;

/// <summary>The body of a retrain: <c>{"model":"name","dataset":"path"}</c>; no dataset means the configured default.</summary>
public sealed record RetrainBody(string Model, string? Dataset);
