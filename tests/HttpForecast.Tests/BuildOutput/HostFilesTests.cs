namespace ArchiveForecast.HttpForecast.Tests.BuildOutput;

/// <summary>The files beside functions.metadata that the Functions host reads to start the worker and load extensions.</summary>
[TestFixture]
public sealed class HostFilesTests
{
    [Test]
    public void WorkerConfig_StartsTheAppsAssembly_AsADotnetIsolatedWorker_WithWorkerIndexing()
    {
        var description = AppBuild.ReadJson(AppBuild.OutputDirectory, "worker.config.json")["description"]!;

        Assert.Multiple(() =>
        {
            Assert.That(description["language"]?.GetValue<string>(), Is.EqualTo("dotnet-isolated"));
            Assert.That(description["defaultExecutablePath"]?.GetValue<string>(), Is.EqualTo("dotnet"));
            Assert.That(description["defaultWorkerPath"]?.GetValue<string>(), Is.EqualTo(AppBuild.AssemblyFile));
            Assert.That(Path.Combine(AppBuild.OutputDirectory, AppBuild.AssemblyFile), Does.Exist);
            Assert.That(description["workerIndexing"]?.GetValue<string>(), Is.EqualTo("true"));
        });
    }

    /// <remarks>
    /// The timer trigger's host side (Microsoft.Azure.WebJobs.Extensions) ships inside the Functions host, so the SDK
    /// leaves it out of extensions.json; the Storage Queues extension must be listed and shipped beside the app.
    /// </remarks>
    [Test]
    public void Extensions_ListTheStorageQueuesExtension_AndEveryListedAssemblyIsInTheOutput()
    {
        var extensions = AppBuild.ReadJson(AppBuild.OutputDirectory, "extensions.json")["extensions"]!.AsArray().Select(e => e!.AsObject()).ToList();

        Assert.That(extensions.Select(e => e["name"]?.GetValue<string>()), Does.Contain("AzureStorageQueues"));
        Assert.Multiple(() =>
        {
            foreach (var extension in extensions)
            {
                string hintPath = extension["hintPath"]!.GetValue<string>();
                Assert.That(Path.Combine(AppBuild.OutputDirectory, hintPath), Does.Exist, extension["name"]?.GetValue<string>());
            }
        });
    }

    [Test]
    public void Extensions_LoadTheQueuesExtensionTheWorkerPackageWasBuiltFor()
    {
        var queues = AppBuild.ReadJson(AppBuild.OutputDirectory, "extensions.json")["extensions"]!.AsArray()
            .Select(e => e!.AsObject()).Single(e => e["name"]?.GetValue<string>() == "AzureStorageQueues");

        Assert.That(queues["typeName"]?.GetValue<string>(), Does.StartWith("Microsoft.Azure.WebJobs.Extensions.Storage.AzureStorageQueuesWebJobsStartup, Microsoft.Azure.WebJobs.Extensions.Storage.Queues, Version=5."));
    }

    [Test]
    public void HostJson_InTheOutput_IsTheRepositorysHostJson()
    {
        var output = AppBuild.ReadJson(AppBuild.OutputDirectory, "host.json");
        var repository = AppBuild.ReadJson(Path.GetDirectoryName(AppBuild.Project)!, "../host.json");

        Assert.That(JsonNode.DeepEquals(output, repository), Is.True);
    }
}
