using System.CommandLine;
using System.Text.RegularExpressions;
using ArchiveForecast.Cli.Output;

namespace ArchiveForecast.Cli;

/// <summary>Builds the command tree and runs one command line against the given writers (the console, or a test's).</summary>
public static partial class CliApp
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see README, "Exit codes").</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Standard output: results (human, or one JSON document with <c>--json</c>).</param>
    /// <param name="error">Standard error: messages, warnings, progress.</param>
    /// <param name="interactive">True when <paramref name="error"/> is a terminal, so progress may redraw one line.</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C is wired to it as well).</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken)
    {
        var context = new CliContext(output, error, interactive);
        var root = CreateRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && !IsHelpRequest(args))
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {Readable(parseError.Message)}");
            }

            var command = parseResult.CommandResult.Command;
            await error.WriteLineAsync($"Run 'archive-forecast {(command is RootCommand ? string.Empty : command.Name + " ")}--help' for usage.");
            if (args.Contains("--json"))
            {
                await output.WriteLineAsync(CliJson.Serialize(
                    new { Error = new { ExitCode = ExitCodes.BadInput, Message = string.Join(" ", parseResult.Errors.Select(e => Readable(e.Message))) } }));
            }

            return ExitCodes.BadInput;
        }

        // The caller owns signal handling (Program.Main turns SIGINT and SIGTERM into the token), so System.CommandLine's own
        // handler, which returns 130 after a grace period while the command is still running, is turned off.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>The root command with every command of <see cref="Program.Commands"/>.</summary>
    internal static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("archive-forecast: train, evaluate, publish and score ArchiveForecast models.")
        {
            context.Json,
            context.Verbose,
        };
        foreach (var create in Program.Commands)
        {
            root.Subcommands.Add(create(context));
        }

        return root;
    }

    private static bool IsHelpRequest(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>System.CommandLine's type errors name .NET types ("as expected type 'System.Int32'"); say what is wanted instead.</summary>
    private static string Readable(string message)
    {
        var match = UnparsableArgument().Match(message);
        if (!match.Success)
        {
            return message;
        }

        string wanted = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            _ => "a valid value",
        };
        return $"{match.Groups["option"].Value}: '{match.Groups["value"].Value}' is not {wanted}.";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex UnparsableArgument();
}
