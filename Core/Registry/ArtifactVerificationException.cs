namespace ArchiveForecast.Core.Registry;

/// <summary>A version's files do not match its manifest, or a file is missing or unreadable. The version must not be served.</summary>
public sealed class ArtifactVerificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArtifactVerificationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ArtifactVerificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ArtifactVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one file of a version.</summary>
    public ArtifactVerificationException(string modelName, int version, string fileName, string reason)
        : base($"{modelName} version {version}: {fileName} {reason}")
    {
        ModelName = modelName;
        Version = version;
        FileName = fileName;
    }

    /// <summary>The model name, when known.</summary>
    public string? ModelName { get; }

    /// <summary>The version, when known.</summary>
    public int? Version { get; }

    /// <summary>The file that failed (<c>model.zip</c>, <c>manifest.json</c>, ...), when one did.</summary>
    public string? FileName { get; }
}
