using System.Diagnostics;

namespace ArchiveForecast.HttpForecast.Tests.BuildOutput;

/// <summary>
/// <c>dotnet publish HttpForecast -c Release</c> (the command docs/deploy.md zips for Flex Consumption) lays out what the
/// host needs at the package's root. Publishing without building reuses the build these tests already run against.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class PublishLayoutTests
{
    private static readonly string[] RootFiles = ["functions.metadata", "worker.config.json", "host.json", "extensions.json", AppBuild.AssemblyFile];

    private string publishDirectory = null!;

    [OneTimeSetUp]
    public async Task PublishAsync()
    {
        publishDirectory = Directory.CreateTempSubdirectory("httpforecast-publish-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", AppBuild.Project, "-c", AppBuild.Configuration, "--no-build", "-o", publishDirectory, "-nologo", "-v:q" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, $"dotnet publish failed:\n{await output}\n{await errors}");
    }

    [OneTimeTearDown]
    public void DeletePublishDirectory() => Directory.Delete(publishDirectory, recursive: true);

    [Test]
    public void ThePackageRoot_HoldsWhatTheHostReads()
    {
        Assert.Multiple(() =>
        {
            foreach (string file in RootFiles)
            {
                Assert.That(Path.Combine(publishDirectory, file), Does.Exist);
            }
        });
    }

    [Test]
    public void ThePackage_ShipsTheExtensionsItLists_AndNoLocalSettings()
    {
        var listed = AppBuild.ReadJson(publishDirectory, "extensions.json")["extensions"]!.AsArray().Select(e => e!["hintPath"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            foreach (string hintPath in listed)
            {
                Assert.That(Path.Combine(publishDirectory, hintPath), Does.Exist);
            }

            Assert.That(Path.Combine(publishDirectory, "local.settings.json"), Does.Not.Exist);
            Assert.That(Path.Combine(publishDirectory, "local.settings.json.example"), Does.Not.Exist);
        });
    }

    [Test]
    public void ThePackagesMetadata_IsTheBuildsMetadata()
    {
        Assert.That(
            File.ReadAllText(Path.Combine(publishDirectory, "functions.metadata")),
            Is.EqualTo(File.ReadAllText(Path.Combine(AppBuild.OutputDirectory, "functions.metadata"))));
    }
}
