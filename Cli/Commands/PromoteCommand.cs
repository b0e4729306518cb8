using System.CommandLine;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Cli.Commands;

/// <summary><c>promote --version N</c>: serve a version (compare-and-swap on the pointer, as the HTTP API does).</summary>
internal static class PromoteCommand
{
    public static Command Create(CliContext context)
    {
        var version = new Option<int>("--version") { Description = "The version to serve", HelpName = "N", Required = true }.InRange(1, int.MaxValue);
        var model = CliContext.ModelOption();
        var store = CliContext.StoreOption();
        var command = new Command("promote", "Point the model at a version (it is served from the next reload)") { version, model, store };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            var registry = run.ExistingStore(run.Get(store)).GetRequiredService<ModelRegistry>();
            var before = await registry.GetPointerAsync(modelName, cancellationToken);
            var result = await registry.PromoteAsync(
                modelName, run.Get(version), before?.ETag, "cli", "promoted with archive-forecast promote", cancellationToken);
            return PointerChange.Report(run, modelName, result, before?.Value.Version);
        });
    }
}
