namespace ArchiveForecast.Integration.Tests;

/// <summary>
/// One Azurite for the whole test run, started before the first fixture and stopped by its PID after the last. It sits
/// in the root namespace because NUnit scopes a set-up fixture to its namespace. Fixtures stay isolated by their own
/// containers and queues (unique names per test or fixture); the few that need special settings start their own.
/// </summary>
[SetUpFixture]
public sealed class SharedAzurite
{
    private static AzuriteInstance? instance;

    public static AzuriteInstance Instance =>
        instance ?? throw new InvalidOperationException("The shared Azurite starts in the assembly's set-up fixture.");

    [OneTimeSetUp]
    public async Task StartAsync() => instance = await AzuriteInstance.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
            instance = null;
        }
    }
}
