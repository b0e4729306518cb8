using System.CommandLine;
using System.Globalization;
using ArchiveForecast.Api.Hosting;
using ArchiveForecast.Cli.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Cli.Commands;

/// <summary>
/// <c>serve</c>: the HTTP API on Kestrel, on 127.0.0.1:8080 unless told otherwise. Keys come from configuration
/// (<c>Auth__FunctionKeys__0</c>, <c>Auth__AdminKeys__0</c>); without any key it refuses to start unless
/// <c>--allow-anonymous</c> is given. Runs until Ctrl+C or SIGTERM, then stops gracefully.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int?>("--port")
        {
            Description = "The port to listen on, on 127.0.0.1 (default 8080; 0 picks a free port)",
            HelpName = "P",
        };
        var urls = new Option<string?>("--urls")
        {
            Description = "The URLs to listen on, separated by ';' (such as http://0.0.0.0:8080); replaces --port",
            HelpName = "U",
        };
        var store = CliContext.StoreOption();
        var model = CliContext.ModelOption();
        model.Description = "The default model, served by /api/predict, /api/model/info and /api/model/reload";
        var allowAnonymous = new Option<bool>("--allow-anonymous")
        {
            Description = "Serve every route, admin routes included, WITHOUT a key (for a loopback demo only; logged as critical)",
        };
        var command = new Command("serve", "Serve the HTTP API on Kestrel (127.0.0.1:8080 unless told otherwise); keys from Auth__FunctionKeys__0 and Auth__AdminKeys__0")
        {
            port, urls, store, model, allowAnonymous,
        };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var options = new ServerOptions
            {
                Urls = Urls(run.Get(urls), run.Get(port)),
                Store = run.Get(store),
                ModelName = run.Has(model) ? Inputs.ModelName(run.Get(model)) : null,
                AllowAnonymous = run.Get(allowAnonymous),
                ConfigureLogging = logging =>
                {
                    // A server logs what it does; on stderr, so stdout keeps only the listening address.
                    logging.ClearProviders();
                    logging.SetMinimumLevel(run.Verbose ? LogLevel.Debug : LogLevel.Information);
                    logging.AddFilter("Microsoft.AspNetCore", run.Verbose ? LogLevel.Information : LogLevel.Warning);
                    logging.AddProvider(new TextWriterLoggerProvider(run.Error, run.Verbose));
                },
            };

            await using var server = ArchiveForecastServer.Create(options);
            if (server.StoreFolder is { } folder && !Directory.Exists(folder))
            {
                // Serving a folder that is not there would answer 503 for good without saying why: a mistyped --store.
                throw CliException.BadInput(
                    $"{CommandRun.StoreSource(options.Store)}: the model store folder {folder} does not exist; name the folder a model was trained into, or train one first.");
            }

            await server.StartAsync(cancellationToken);
            foreach (string url in server.Urls)
            {
                run.Line($"Listening on {url}");
            }

            if (server.AllowAnonymous)
            {
                run.Warn("serving WITHOUT API keys (--allow-anonymous or Auth:AllowAnonymous): anyone who can reach the server can promote, roll back and retrain.");
            }

            run.Line("Press Ctrl+C to stop.");
            run.WriteJson(new { Urls = server.Urls, AllowAnonymous = server.AllowAnonymous });

            // Ctrl+C (through the command line's token) and SIGTERM (through the host) both end in a graceful stop.
            await server.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
    }

    private static string[] Urls(string? urls, int? port)
    {
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (port is { } p)
        {
            return p is < 0 or > 65535
                ? throw CliException.BadInput("--port must be between 0 and 65535.")
                : [string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{p}")];
        }

        return [ServerOptions.DefaultUrl];
    }
}
