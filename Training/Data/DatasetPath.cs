namespace ArchiveForecast.Training.Data;

/// <summary>Dataset paths name a file inside the training-data store: plain relative paths only.</summary>
// CONTRACT STUB: implemented by the training work; signatures are what other layers code against.
public static class DatasetPath
{
    /// <summary>True when <paramref name="path"/> is a plain relative path (segments of letters, digits, '-', '_', '.', no '..', no scheme, no escapes).</summary>
    public static bool IsValid(string? path) => throw new NotImplementedException(path);
}
