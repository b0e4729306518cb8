using System.Net.Http.Headers;
using ArchiveForecast.Api.Hosting;
using ArchiveForecast.Api.Security;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// The real Kestrel host of <c>archive-forecast serve</c> on 127.0.0.1 with a free port, over a copy of the trained
/// store, and an <see cref="HttpClient"/> pointed at it.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private ApiServer(ArchiveForecastServer server, string root, CapturedLogs logs)
    {
        Server = server;
        Root = root;
        Logs = logs;
        BaseAddress = new Uri(server.Urls.Single());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public ArchiveForecastServer Server { get; }

    public string Root { get; }

    public string ModelsPath => Path.Combine(Root, "models");

    public CapturedLogs Logs { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Starts a server over a fresh copy of the trained store (or over <paramref name="sharedRoot"/>, another server's
    /// store), with a function key and an admin key; it polls the pointers every <paramref name="reloadInterval"/> (never by default).
    /// </summary>
    public static async Task<ApiServer> StartAsync(
        bool trained = true,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool allowAnonymous = false,
        string? sharedRoot = null,
        TimeSpan? reloadInterval = null,
        CancellationToken cancellationToken = default)
    {
        string root = sharedRoot ?? (trained ? await TrainedStore.CopyAsync(cancellationToken) : TempFolder.CreateForRun());
        var all = new Dictionary<string, string?>(settings ?? TestKeys.Settings)
        {
            ["TrainingData:Path"] = Path.Combine(root, "training-data"),
            ["ModelStore:ReloadInterval"] = (reloadInterval ?? TimeSpan.Zero).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Training:NumberOfTrees"] = TrainedStore.Settings.NumberOfTrees.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Training:NumberOfLeaves"] = TrainedStore.Settings.NumberOfLeaves.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Training:MinimumExampleCountPerLeaf"] = TrainedStore.Settings.MinimumExampleCountPerLeaf.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        // Batch jobs (the batch routes, the key-level matrix) write beside the store, never into the working directory.
        all.TryAdd("Predictions:Path", Path.Combine(root, "predictions"));

        // Shadow tests count every comparison; at the default lowest OS priority a loaded test machine may starve the
        // shadow thread for seconds. That priority has its own tests (ShadowWorkerTests in Core.Tests).
        all.TryAdd("Release:ShadowPriority", "Normal");
        var logs = new CapturedLogs();
        var server = ArchiveForecastServer.Create(new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Store = Path.Combine(root, "models"),
            AllowAnonymous = allowAnonymous,
            Settings = all,
            ConfigureLogging = logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(logs);
            },
        });
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        var started = new ApiServer(server, root, logs);

        // Model info waits for the first load of the default model, so tests do not race the start-up load.
        using (await started.SendAsync(HttpMethod.Get, "/api/model/info", TestKeys.Function))
        {
        }

        return started;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync(CancellationToken.None);
        await Server.DisposeAsync();
    }

    /// <summary>A request with a key in the header or the query, or none.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? key = null, KeyPlace place = KeyPlace.Header, string? json = null)
    {
        if (key is not null && place == KeyPlace.Query)
        {
            path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + KeyAuthorizer.QueryName + "=" + Uri.EscapeDataString(key);
        }

        var request = new HttpRequestMessage(method, path);
        if (key is not null && place == KeyPlace.Header)
        {
            request.Headers.Add(KeyAuthorizer.HeaderName, key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return request;
    }

    /// <summary>A request whose path is sent exactly as written (no client-side removal of dot segments).</summary>
    public HttpRequestMessage RawRequest(HttpMethod method, string rawPathAndQuery, string? key = null)
    {
        var uri = new Uri(BaseAddress.GetLeftPart(UriPartial.Authority) + rawPathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(method, uri);
        if (key is not null)
        {
            request.Headers.Add(KeyAuthorizer.HeaderName, key);
        }

        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key = null, string? json = null) =>
        Client.SendAsync(Request(method, path, key, KeyPlace.Header, json));

    public Task<HttpResponseMessage> PredictAsync(string body, string? key = TestKeys.Function, string path = "/api/predict") =>
        SendAsync(HttpMethod.Post, path, key, body);
}
