using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ArchiveForecast.Cli.Tests;

/// <summary><c>archive-forecast serve</c> run in-process on a free loopback port.</summary>
[TestFixture]
public sealed partial class ServeCommandTests
{
    private CliHarness cli = null!;

    [SetUp]
    public void SetUp()
    {
        cli = new CliHarness();
        Directory.CreateDirectory(cli.Store);
    }

    [TearDown]
    public void TearDown() => cli.Dispose();

    [Test]
    public async Task Serve_WithoutKeysOrFlag_RefusesToStartWithExitCode2()
    {
        var result = await cli.RunOnStoreAsync("serve", "--port", "0");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("Auth__FunctionKeys__0").And.Contain("--allow-anonymous"));
            Assert.That(result.Output, Does.Not.Contain("Listening on"));
        });
    }

    [Test]
    public async Task Serve_StoreFolderMissing_RefusesToStartWithExitCode2NamingIt()
    {
        string missing = cli.PathOf("modles");

        var result = await CliHarness.RunAsync("serve", "--port", "0", "--allow-anonymous", "--store", missing);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--store").And.Contain(missing).And.Contain("does not exist"));
            Assert.That(result.Output, Does.Not.Contain("Listening on"));
        });
    }

    [TestCase("--port", "70000")]
    [TestCase("--port", "-1")]
    [TestCase("--model", "Not_A_Name")]
    public async Task Serve_BadFlag_IsBadInput(string flag, string value)
    {
        var result = await cli.RunOnStoreAsync("serve", "--allow-anonymous", flag, value);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }

    [Test]
    public async Task Serve_WithAllowAnonymous_PrintsTheUrlServesAndStopsOnCancel()
    {
        using var output = new LineSignalWriter("Listening on ");
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var serving = CliApp.RunAsync(["serve", "--port", "0", "--allow-anonymous", "--store", cli.Store], output, error, interactive: false, stop.Token);
        string line = await output.Signalled.WaitAsync(TimeSpan.FromMinutes(2));
        var url = new Uri(UrlPattern().Match(line).Value);
        using var client = new HttpClient { BaseAddress = url };
        using var health = await client.GetAsync("/api/health");
        using var reload = await client.PostAsync("/api/model/reload", null);
        await stop.CancelAsync();
        int exitCode = await serving;

        Assert.Multiple(() =>
        {
            Assert.That(url.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "an empty store serves nothing yet");
            Assert.That(reload.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized), "admin routes are open with --allow-anonymous");
            Assert.That(error.ToString(), Does.Contain("WITHOUT API keys"));
            Assert.That(exitCode, Is.Zero);
        });
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex UrlPattern();

    /// <summary>A writer that completes <see cref="Signalled"/> with the first line containing a marker.</summary>
    private sealed class LineSignalWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource<string> signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly StringBuilder line = new();

        public Task<string> Signalled => signalled.Task;

        public override void Write(char value)
        {
            base.Write(value);
            if (value == '\n')
            {
                string text = line.ToString();
                line.Clear();
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    signalled.TrySetResult(text);
                }
            }
            else
            {
                line.Append(value);
            }
        }

        public override void Write(string? value)
        {
            foreach (char c in value ?? string.Empty)
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }
    }
}
