using System.Text.Json;

namespace ArchiveForecast.Cli.Tests;

/// <summary>Runs the command line in-process against a temporary folder, capturing stdout and stderr.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness() => Root = Directory.CreateTempSubdirectory("af-cli-").FullName;

    /// <summary>Training options that keep a fit short where the model's quality is not what a test checks.</summary>
    public static IReadOnlyList<string> FastTraining { get; } = ["--trainer", "lightgbm", "--trees", "40"];

    public string Root { get; }

    public string Store => PathOf("models");

    public string PathOf(string name) => Path.Combine(Root, name);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await CliApp.RunAsync(args, output, error, interactive: false, CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs with <c>--store</c> set to this harness's store.</summary>
    public Task<CliResult> RunOnStoreAsync(params string[] args) => RunAsync([.. args, "--store", Store]);

    public async Task<string> GenerateAsync(int rows = 600, int seed = 1, string name = "data.csv")
    {
        var result = await RunAsync("generate", "--rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", PathOf(name));
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        return PathOf(name);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>What a command line run gave.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Stdout as the one JSON document <c>--json</c> promises (parsing fails on anything else).</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Output);
            return document.RootElement.Clone();
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
