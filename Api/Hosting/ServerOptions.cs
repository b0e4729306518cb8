using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Hosting;

/// <summary>How <c>archive-forecast serve</c> runs the API on Kestrel. Unset values come from configuration.</summary>
public sealed record ServerOptions
{
    /// <summary>Where Kestrel listens unless told otherwise: loopback only, port 8080.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The URLs to listen on (port 0 picks a free port).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The model store: a folder, or a blob container URL (<c>ModelStore:Path</c> or <c>ModelStore:ContainerUri</c>).</summary>
    public string? Store { get; init; }

    /// <summary>The default model (<c>ModelStore:ModelName</c>).</summary>
    public string? ModelName { get; init; }

    /// <summary>Serve without keys (<c>Auth:AllowAnonymous</c>); logged loudly.</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>Command-line arguments for configuration (<c>--Section:Key=value</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Settings that win over every other configuration source (tests use them for keys and paths).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Changes to logging, such as a provider that captures messages.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
