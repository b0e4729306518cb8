namespace ArchiveForecast.Api.Tests.Http;

[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteTemporaryFolders() => TempFolder.DeleteAll();
}
