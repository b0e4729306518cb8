using System.CommandLine;
using ArchiveForecast.Cli.Commands;
using ArchiveForecast.Cli.Hosting;

namespace ArchiveForecast.Cli;

/// <summary>The <c>archive-forecast</c> command line.</summary>
public static class Program
{
    /// <summary>The commands, in the order help lists them. Adding a command is one line here.</summary>
    internal static IReadOnlyList<Func<CliContext, Command>> Commands { get; } =
    [
        GenerateCommand.Create,
        TrainCommand.Create,
        EvaluateCommand.Create,
        CompareCommand.Create,
        VersionsCommand.Create,
        PromoteCommand.Create,
        RollbackCommand.Create,
        RetireCommand.Create,
        ReleaseCommand.Create,
        PredictCommand.Create,
        ServeCommand.Create,
    ];

    /// <summary>Runs the command line on the console; Ctrl+C and SIGTERM cancel the command cooperatively (exit code 130).</summary>
    public static async Task<int> Main(string[] args)
    {
        using var signals = new TerminationSignals(Console.Error);
        return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected, signals.Token);
    }
}
