using System.CommandLine;
using ArchiveForecast.Cli.Hosting;
using ArchiveForecast.Cli.Output;
using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Cli;

/// <summary>One invocation of a command: its parsed values, its output, and the services of the store it names.</summary>
internal sealed class CommandRun(CliContext context, ParseResult parseResult) : IAsyncDisposable
{
    private ServiceProvider? services;

    /// <summary>True with <c>--json</c>: stdout gets exactly one JSON document.</summary>
    public bool Json => parseResult.GetValue(context.Json);

    public bool Verbose => parseResult.GetValue(context.Verbose);

    public TextWriter Error => context.Error;

    public T Get<T>(Option<T> option) => parseResult.GetValue(option)!;

    /// <summary>True when the option was given on the command line (not defaulted).</summary>
    public bool Has(Option option) => parseResult.GetResult(option) is { Implicit: false };

    /// <summary>The services over the store named by <c>--store</c> (built once per command).</summary>
    public IServiceProvider Services(string? store) => services ??= CliServices.Build(store, context.Error, Verbose);

    /// <summary>
    /// The services over a store that must exist already: a folder store that does not exist is bad input naming it,
    /// since a mistyped <c>--store</c> would otherwise read as an empty registry.
    /// </summary>
    public IServiceProvider ExistingStore(string? store)
    {
        var provided = Services(store);
        if (FolderStore(provided) is { } folder && !Directory.Exists(folder))
        {
            throw CliException.BadInput(
                $"{StoreSource(store)}: the model store folder {folder} does not exist; name the folder a model was trained into, or train one first.");
        }

        return provided;
    }

    /// <summary>The services over a store that training may create: a missing folder store is created, and the user is told.</summary>
    public IServiceProvider StoreForTraining(string? store)
    {
        var provided = Services(store);
        if (FolderStore(provided) is { } folder && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            context.Error.WriteLine($"note: created the model store folder {folder} ({StoreSource(store)})");
        }

        return provided;
    }

    /// <summary>Writes a line of human output on stdout (nothing with <c>--json</c>).</summary>
    public void Line(string text = "")
    {
        if (!Json)
        {
            context.Output.WriteLine(text);
        }
    }

    /// <summary>Writes the JSON document of the command on stdout (only with <c>--json</c>).</summary>
    public void WriteJson<T>(T document)
    {
        if (Json)
        {
            context.Output.WriteLine(CliJson.Serialize(document));
        }
    }

    /// <summary>A warning on stderr.</summary>
    public void Warn(string message) => context.Error.WriteLine($"warning: {message}");

    /// <summary>A progress display on stderr for long work; silent with <c>--json</c>.</summary>
    public ProgressDisplay Progress() => new(Json ? TextWriter.Null : context.Error, context.Interactive && !Json);

    /// <summary>
    /// Reports a failure once: the message on stderr (the stack trace too with <c>--verbose</c>) and, with <c>--json</c>,
    /// the <c>{"error": {...}}</c> document on stdout, with the run record when the failure is a training run's.
    /// </summary>
    public async Task<int> FailAsync(int exitCode, string message, Exception? exception, RunRecord? runRecord = null)
    {
        await context.Error.WriteLineAsync($"error: {message}");
        if (exception is not null && Verbose)
        {
            await context.Error.WriteLineAsync(exception.ToString());
        }

        var error = new { ExitCode = exitCode, Message = message };
        if (runRecord is null)
        {
            WriteJson(new { Error = error });
        }
        else
        {
            WriteJson(new { Error = error, Run = runRecord });
        }

        return exitCode;
    }

    /// <summary>Where the folder of a folder store came from, for messages.</summary>
    public static string StoreSource(string? store) =>
        store is not null ? "--store" : $"{ModelStoreOptions.SectionName}:{nameof(ModelStoreOptions.Path)}, default {ModelStoreSelection.DefaultPath}";

    /// <summary>The full path of the configured folder store, or null when the store is a blob container.</summary>
    public static string? FolderStore(IServiceProvider services) =>
        ModelStoreSelection.FolderPath(services.GetRequiredService<IOptions<ModelStoreOptions>>().Value);

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }
}
