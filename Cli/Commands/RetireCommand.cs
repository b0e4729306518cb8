using System.CommandLine;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Cli.Commands;

/// <summary>
/// <c>retire --model NAME</c>: mark a model name unused (it answers as unknown until a new version is published); for a
/// model made by a typo. Nothing is deleted. The name must be given: the default model is never retired by accident.
/// </summary>
internal static class RetireCommand
{
    public static Command Create(CliContext context)
    {
        Option<string> model = new("--model") { Description = "The model name to retire", HelpName = "NAME", Required = true };
        var store = CliContext.StoreOption();
        var command = new Command("retire", "Mark a model name unused: it answers as unknown until a new version is published") { model, store };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            if (string.Equals(modelName, ModelName.Default, StringComparison.Ordinal))
            {
                throw CliException.BadInput($"{modelName} is the default model and cannot be retired.");
            }

            var registry = run.ExistingStore(run.Get(store)).GetRequiredService<ModelRegistry>();
            if (!await registry.SetRetiredAsync(modelName, retire: true, "cli", "retired with archive-forecast retire", cancellationToken))
            {
                throw CliException.BadInput($"there is no model {modelName} in the store (or it is retired already).");
            }

            run.Line($"{modelName} is retired: it answers as unknown until a new version is published (train --model {modelName}).");
            run.WriteJson(new { Model = modelName.Value, Retired = true });
            return ExitCodes.Ok;
        });
    }
}
