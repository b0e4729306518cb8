namespace ArchiveForecast.Cli.Tests;

/// <summary>A fixture whose every test runs the command line on a fresh temporary folder and store.</summary>
public abstract class CliFixture
{
    protected CliHarness Cli { get; private set; } = null!;

    [SetUp]
    public void CreateHarness() => Cli = new CliHarness();

    [TearDown]
    public void DisposeHarness() => Cli.Dispose();
}
