namespace ArchiveForecast.Api.Tests;

/// <summary>
/// Deletes the temporary folders (the trained store template among them) once every fixture of the assembly has run.
/// It sits in the root namespace because NUnit scopes a set-up fixture to its namespace: one level lower, it deleted
/// the shared template while fixtures of sibling namespaces (telemetry, UI) still needed it.
/// </summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteTemporaryFolders() => TempFolder.DeleteRunFolders();
}
