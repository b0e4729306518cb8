using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Tests.Telemetry;

/// <summary>
/// A loopback stand-in for Application Insights ingestion: records every telemetry item POSTed to <c>/v2.1/track</c>
/// or <c>/v2/track</c> (gzip or not) and accepts them all. It doubles as the process's HTTP proxy for the duration of a
/// test, so a request for any other host (the Azure VM metadata probe of the resource detectors, say) is answered 404
/// here and recorded instead of leaving the machine.
/// </summary>
internal sealed class FakeIngestion : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> items = new();
    private readonly ConcurrentQueue<string> elsewhere = new();
    private readonly IWebProxy? previousProxy;

    private FakeIngestion(WebApplication app, IWebProxy? previousProxy)
    {
        this.app = app;
        this.previousProxy = previousProxy;
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>A connection string whose ingestion and live endpoints are this fake.</summary>
    public string ConnectionString =>
        $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint={Endpoint};LiveEndpoint={Endpoint}";

    /// <summary>Each telemetry item received, as its JSON line.</summary>
    public IReadOnlyList<string> Items => [.. items];

    /// <summary>Requests meant for other hosts that arrived through the proxy ("GET host/path").</summary>
    public IReadOnlyList<string> ProxiedRequests => [.. elsewhere];

    public static async Task<FakeIngestion> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeIngestion(app, HttpClient.DefaultProxy);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Endpoint = new Uri(address + "/");
        HttpClient.DefaultProxy = new WebProxy(fake.Endpoint, BypassOnLocal: true, BypassList: [@"^127\.0\.0\.1$", "^localhost$"]);
        return fake;
    }

    public bool Received(Func<string, bool> match) => items.Any(match);

    /// <summary>Waits until an item matches, or the time is up.</summary>
    public Task<bool> WaitForAsync(Func<string, bool> match, TimeSpan timeout) => Eventually.TrueAsync(() => Received(match), timeout);

    public async ValueTask DisposeAsync()
    {
        HttpClient.DefaultProxy = previousProxy ?? new WebProxy();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.Host.Host, Endpoint.Host, StringComparison.OrdinalIgnoreCase))
        {
            elsewhere.Enqueue($"{request.Method} {request.Host}{request.Path}");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(request.Method) || !request.Path.Value!.EndsWith("/track", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Stream body = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(request.Body, CompressionMode.Decompress)
            : request.Body;
        using var reader = new StreamReader(body, Encoding.UTF8);
        string text = await reader.ReadToEndAsync(context.RequestAborted);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string line in lines)
        {
            items.Enqueue(line);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            $$"""{"itemsReceived":{{lines.Length}},"itemsAccepted":{{lines.Length}},"errors":[]}""", context.RequestAborted);
    }
}
