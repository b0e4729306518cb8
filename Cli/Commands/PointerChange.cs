using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Cli.Commands;

/// <summary>How <c>promote</c> and <c>rollback</c> report a pointer change.</summary>
internal static class PointerChange
{
    public static int Report(CommandRun run, string modelName, PointerChangeResult result, int? before)
    {
        switch (result.Status)
        {
            case PointerChangeStatus.Changed:
                var pointer = result.State!.Value;
                var history = pointer.RollbackPath();
                run.Line($"{modelName} now points at version {pointer.Version}{(before is int b ? $" (was {b})" : string.Empty)}; " +
                         "a running server serves it from its next reload (POST /api/model/reload, or the next poll).");
                run.Line(history.Count == 0
                    ? "  rollback: nothing earlier to go back to"
                    : $"  rollback goes back to: {string.Join(" → ", history)}");
                run.WriteJson(new { Model = modelName, Current = pointer.Version, Previous = pointer.PreviousVersion, History = history, pointer.UpdatedAt, pointer.UpdatedBy, pointer.Reason });
                return ExitCodes.Ok;
            case PointerChangeStatus.Conflict:
                throw new CliException(ExitCodes.Failure, $"the pointer of {modelName} changed meanwhile; nothing was written. Check 'versions' and try again.");
            default:
                throw CliException.BadInput(result.Detail);
        }
    }
}
