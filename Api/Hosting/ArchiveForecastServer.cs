using ArchiveForecast.Api.Input;
using ArchiveForecast.Api.Security;
using ArchiveForecast.Core.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Hosting;

/// <summary>
/// The API on Kestrel, as <c>archive-forecast serve</c> runs it: Core with reload polling, Training with a retraining
/// worker in this process (over the in-process queue, or over the Storage queue when <c>RetrainQueue</c> names one),
/// the API with key checks, and telemetry exported to Application Insights when a
/// connection string is set. Listens on 127.0.0.1:8080 unless told otherwise and
/// refuses to start without a key unless anonymous access is asked for explicitly.
/// </summary>
public sealed class ArchiveForecastServer : IAsyncDisposable
{
    // Kestrel's own cap sits above the API's so that the API's reader, which counts bytes, answers first with its problem.
    private const long KestrelBodyLimit = 2L * RequestLimits.MaxBodyBytes;

    private readonly WebApplication app;

    private ArchiveForecastServer(WebApplication app) => this.app = app;

    /// <summary>The services of the running host.</summary>
    public IServiceProvider Services => this.app.Services;

    /// <summary>The addresses Kestrel listens on, once started (with the real port when port 0 was asked for).</summary>
    public IReadOnlyList<string> Urls =>
        [.. this.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>True when every route is served without a key (<c>Auth:AllowAnonymous</c> from any configuration source).</summary>
    public bool AllowAnonymous => this.app.Services.GetRequiredService<KeyAuthorizer>().AllowAnonymous;

    /// <summary>Builds the host; nothing listens until <see cref="StartAsync"/>.</summary>
    public static ArchiveForecastServer Create(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. options.Args] });
        var overrides = Overrides(options);
        builder.Configuration.AddInMemoryCollection(overrides);

        // Secrets (API keys, connection strings) come from Key Vault when KeyVault:Uri is set; the flags still win.
        builder.Configuration.AddArchiveForecastKeyVault();
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = KestrelBodyLimit;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        options.ConfigureLogging?.Invoke(builder.Logging);

        // ASP.NET Core's request lines include the query string, where a key may travel as ?code=: never log them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        // The Azure SDK's forwarded events (token requests, retries) at the level host.json gives them on Functions.
        builder.Logging.AddFilter("Azure", LogLevel.Warning);

        builder.AddArchiveForecastServer();

        var app = builder.Build();
        app.MapArchiveForecastApi();
        return new ArchiveForecastServer(app);
    }

    /// <summary>The full path of the model store when it is a folder (<c>ModelStore:Path</c>), or null for a blob container.</summary>
    public string? StoreFolder => ModelStoreSelection.FolderPath(this.app.Services.GetRequiredService<IOptions<ModelStoreOptions>>().Value);

    /// <summary>Starts listening. Fails with <see cref="OptionsValidationException"/> when a setting is wrong (no key, say).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await this.app.StartAsync(cancellationToken);
        var logger = this.app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<ArchiveForecastServer>();
        string urls = string.Join(", ", Urls);
        var store = this.app.Services.GetRequiredService<IOptions<ModelStoreOptions>>().Value;
        string location = store.ContainerUri?.GetLeftPart(UriPartial.Path) ?? store.Path ?? "(connection string)";
        ApiLog.Listening(logger, urls, store.ModelName, location);
        foreach (string url in Urls.Where(ListenAddress.IsPlainHttpBeyondLoopback))
        {
            ApiLog.PlainHttpBeyondLoopback(logger, url);
        }

        // Whatever set it (the flag, an environment variable, a Key Vault secret), running open is logged as critical.
        if (AllowAnonymous)
        {
            ApiLog.AnonymousAccess(logger, urls);
        }

        this.app.Lifetime.ApplicationStopping.Register(() => ApiLog.Stopping(logger));
    }

    /// <summary>Runs until the host is asked to stop (SIGTERM, Ctrl+C, or <paramref name="cancellationToken"/>), then stops gracefully.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => this.app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops gracefully: requests in flight finish, within the shutdown timeout.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => this.app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => this.app.DisposeAsync();

    /// <summary>The configuration the command-line flags stand for; flags win over every other source.</summary>
    public static IReadOnlyDictionary<string, string?> Overrides(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = ModelStoreSelection.Override(options.Store);

        if (!string.IsNullOrWhiteSpace(options.ModelName))
        {
            settings[$"{ModelStoreOptions.SectionName}:{nameof(ModelStoreOptions.ModelName)}"] = options.ModelName;
        }

        if (options.AllowAnonymous)
        {
            settings[$"{AuthOptions.SectionName}:{nameof(AuthOptions.AllowAnonymous)}"] = "true";
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
