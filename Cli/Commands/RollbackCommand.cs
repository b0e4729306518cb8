using System.CommandLine;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Cli.Commands;

/// <summary><c>rollback</c>: point the model back at the version served before the current one.</summary>
internal static class RollbackCommand
{
    public static Command Create(CliContext context)
    {
        var model = CliContext.ModelOption();
        var store = CliContext.StoreOption();
        var command = new Command("rollback", "Point the model back at its previous version") { model, store };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            var registry = run.ExistingStore(run.Get(store)).GetRequiredService<ModelRegistry>();
            var before = await registry.GetPointerAsync(modelName, cancellationToken);
            var result = await registry.RollbackAsync(modelName, "cli", "rolled back with archive-forecast rollback", cancellationToken);
            return PointerChange.Report(run, modelName, result, before?.Value.Version);
        });
    }
}
