using System.CommandLine;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Cli;

/// <summary>What every command shares: the writers, the options common to all commands, and how a command is run.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool interactive)
{
    public TextWriter Output => output;

    public TextWriter Error => error;

    /// <summary>True when standard error is a terminal, so progress can redraw one line.</summary>
    public bool Interactive => interactive;

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document (snake_case) on stdout and nothing else there",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log what happens on stderr (and stack traces of unexpected errors)",
        Recursive = true,
    };

    public static Option<string?> StoreOption() => new("--store")
    {
        Description = "The model store: a folder (default ./models) or a blob container URL (https://<account>.blob.core.windows.net/<container>)",
        HelpName = "DIR-or-URL",
    };

    public static Option<string> ModelOption() => new("--model")
    {
        Description = "The model name",
        HelpName = "NAME",
        DefaultValueFactory = _ => ModelName.Default,
    };

    /// <summary>Sets the action of <paramref name="command"/>: runs <paramref name="action"/>, turning failures into a message and an exit code.</summary>
    public Command WithAction(Command command, Func<CommandRun, CancellationToken, Task<int>> action)
    {
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, action, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, Func<CommandRun, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        await using var run = new CommandRun(this, parseResult);
        try
        {
            return await action(run, cancellationToken);
        }
        catch (CliException ex)
        {
            return await run.FailAsync(ex.ExitCode, ex.Message, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await run.FailAsync(ExitCodes.Cancelled, "cancelled", null);
        }
        catch (OptionsValidationException ex)
        {
            return await run.FailAsync(ExitCodes.BadInput, $"invalid configuration: {ex.Message}", null);
        }
        catch (Exception ex)
        {
            // The last line of defence of a command line: any failure becomes one line and exit code 1. Storage errors
            // carry the service's whole answer (request id, headers, XML) in their message; that, and the stack, is
            // for --verbose only.
            return await run.FailAsync(ExitCodes.Failure, FirstLine(ex.Message), ex);
        }
    }

    private static string FirstLine(string message)
    {
        int end = message.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? message : message[..end]).Trim();
    }
}
