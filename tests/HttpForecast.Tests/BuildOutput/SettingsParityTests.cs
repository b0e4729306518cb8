using System.Reflection;
using System.Text.RegularExpressions;
using ArchiveForecast.Core.Configuration;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.HttpForecast.Tests.BuildOutput;

/// <summary>
/// Every setting the Functions app and its triggers read is where a user looks for it: in local.settings.json.example
/// (what <c>func start</c> runs with), in the Function App's <c>app_settings</c> in terraform/ (what Azure runs with),
/// and in the README's settings tables. A setting the code reads that Terraform does not set must be on the list of
/// settings that are optional in Azure on purpose, with the reason.
/// </summary>
[TestFixture]
public sealed partial class SettingsParityTests
{
    /// <summary>Settings the app reads that Terraform leaves unset in Azure on purpose.</summary>
    private static readonly Dictionary<string, string> OptionalInAzure = new(StringComparer.Ordinal)
    {
        ["ModelStore__Path"] = "the folder store is for machines without Blob Storage; Azure uses ModelStore__ContainerUri",
        ["ModelStore__ConnectionString"] = "Azurite only: Azure reaches Blob Storage through the managed identity",
        ["ModelStore__ContainerName"] = "used only with a connection string; ModelStore__ContainerUri names the container",
        ["ModelStore__ManagedIdentityClientId"] = "the app uses its system-assigned identity",
        ["ModelStore__MaxArtifactBytes"] = "the default cap is generous for this model",
        ["ModelStore__UnknownModelCacheDuration"] = "documented default",
        ["TrainingData__Path"] = "the folder source is for machines without Blob Storage",
        ["TrainingData__ConnectionString"] = "Azurite only",
        ["TrainingData__ContainerName"] = "used only with a connection string",
        ["TrainingData__ManagedIdentityClientId"] = "the app uses its system-assigned identity",
        ["TrainingData__MaxDatasetBytes"] = "the default cap",
        ["Predictions__Path"] = "the folder store is for machines without Blob Storage; Azure uses Predictions__ContainerUri",
        ["Predictions__ConnectionString"] = "Azurite only",
        ["Predictions__ContainerName"] = "used only with a connection string",
        ["Predictions__ManagedIdentityClientId"] = "the app uses its system-assigned identity",
        ["Predictions__MaxRejectRatio"] = "documented default",
        ["Predictions__RangeLevel"] = "documented default (0.8, the API's default level)",
        ["Training__Trainer"] = "the default trainer is the one bench/MODELING.md chose",
        ["Training__NumberOfTrees"] = "trainer default",
        ["Training__NumberOfLeaves"] = "trainer default",
        ["Training__MinimumExampleCountPerLeaf"] = "trainer default",
        ["Training__LearningRate"] = "trainer default",
        ["Training__Seed"] = "fixed default seed, so retraining on the same data is reproducible",
        ["Training__MaxRejectRatio"] = "documented default",
        ["Training__GateTolerance"] = "documented default",
        ["Training__HoldoutFraction"] = "documented default",
        ["Training__MinimumRows"] = "documented default",
        ["Training__LockWaitTimeout"] = "documented default; the queue's redelivery retries beyond it",
        ["Training__LockRetryDelay"] = "documented default",
        ["Training__GroupColumn"] = "source_id, the column generate writes; set it when the data names sources otherwise",
        ["RetrainQueue__ConnectionString"] = "Azurite only",
        ["RetrainQueue__ManagedIdentityClientId"] = "the app uses its system-assigned identity",
        ["RetrainQueue__MaxPollingInterval"] = "serve's queue worker only; the Functions host polls per host.json",
        ["RetrainQueue__RetryDelay"] = "serve's queue worker only; the Functions host uses host.json's visibilityTimeout",
        ["RetrainQueue__MaxDequeueCount"] = "the Functions app takes host.json's maxDequeueCount, as the host does",
        ["KeyVault__ManagedIdentityClientId"] = "the app uses its system-assigned identity",
        ["KeyVault__LoadTimeout"] = "the 30 s default",
        ["Drift__WindowSize"] = "documented default",
        ["Predict__MaxConcurrent"] = "documented default per instance; Flex Consumption scales out on HTTP concurrency",
        ["Predict__QueueTimeout"] = "documented default",
        ["Predict__RetryAfter"] = "documented default",
        ["Release__MinRequests"] = "documented default guard; a release start may set its own",
        ["Release__MaxErrorRateIncrease"] = "documented default guard; a release start may set its own",
        ["Release__MaxLatencyRatio"] = "documented default guard; a release start may set its own",
        ["Release__MaxDivergence"] = "documented default guard; a release start may set its own",
        ["Release__ShadowQueueCapacity"] = "documented default per instance",
        ["Release__ShadowPriority"] = "documented default (lowest OS priority); Normal only for instances with cores to spare",
    };

    private static string Root => RepositoryFiles.Root;

    private static IReadOnlyList<string> TriggerSettings { get; } = ReadTriggerSettings();

    private static IReadOnlySet<string> LocalSettings { get; } =
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("local.settings.json.example")))!["Values"]!.AsObject()
            .Select(v => v.Key).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> TerraformSettings { get; } = ReadTerraformAppSettings();

    private static string Readme { get; } = File.ReadAllText(RepositoryFiles.PathOf("README.md"));

    [Test]
    public void TheTriggersSettings_AreInTheLocalSettings_TerraformAndTheReadme()
    {
        Assert.That(TriggerSettings, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (string setting in TriggerSettings)
            {
                Assert.That(LocalSettings, Does.Contain(setting), "local.settings.json.example");
                Assert.That(TerraformSettings.Any(s => s == setting || s.StartsWith(setting + "__", StringComparison.Ordinal)), Is.True, $"terraform sets no {setting}");
                Assert.That(Readme, Does.Contain($"`{setting}"), "README");
            }
        });
    }

    [Test]
    public async Task EverySettingTheAppReads_IsSetByTerraform_OrOptionalInAzureOnPurpose()
    {
        var read = await SettingsTheAppReadsAsync();

        var missing = read.Where(s => !TerraformSettings.Contains(s) && !OptionalInAzure.ContainsKey(s));

        Assert.That(missing, Is.Empty, "set these in terraform/function_app.tf, or list them in OptionalInAzure with the reason");
    }

    [Test]
    public async Task TheOptionalList_NamesOnlySettingsTheAppReads_AndNoneTerraformSets()
    {
        var read = await SettingsTheAppReadsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(OptionalInAzure.Keys.Where(s => !read.Contains(s)), Is.Empty, "stale entries");
            Assert.That(OptionalInAzure.Keys.Where(TerraformSettings.Contains), Is.Empty, "set by Terraform, so not optional");
        });
    }

    [Test]
    public async Task TheReadme_ListsEverySettingTheAppReads()
    {
        var read = await SettingsTheAppReadsAsync();

        var unlisted = read.Where(s => !Readme.Contains($"`{s}`", StringComparison.Ordinal) && !InConfigurationTable(s));

        Assert.That(unlisted, Is.Empty);
    }

    [Test]
    public void Terraform_SetsTheDatasetTheTimerRetrainsOn()
    {
        Assert.That(TerraformSettings, Does.Contain("Training__DefaultDataset"), "without it the monthly retraining only logs that no dataset is configured");
    }

    /// <summary>The README's configuration table has a row per section (<c>| `ModelStore` | `Path` (...), ... |</c>).</summary>
    private static bool InConfigurationTable(string setting)
    {
        string[] parts = setting.Split("__");
        return Readme.Split('\n').Any(line =>
            line.StartsWith($"| `{parts[0]}`", StringComparison.Ordinal) && line.Contains($"`{parts[1]}`", StringComparison.Ordinal));
    }

    /// <summary>
    /// The settings of every options class the composed app configures (a <c>SectionName</c> and its properties, as
    /// <c>Section__Property</c> app settings), plus Key Vault's, which configuration reads before the container exists.
    /// </summary>
    private static async Task<IReadOnlySet<string>> SettingsTheAppReadsAsync()
    {
        var settings = new Dictionary<string, string?> { ["ModelStore:Path"] = Path.GetTempPath(), ["RetrainQueue:ConnectionString"] = "UseDevelopmentStorage=true" };
        await using var app = WorkerApp.Build(settings);
        var optionsTypes = Registrations(app).Append(typeof(KeyVaultOptions)).Distinct();

        return optionsTypes
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod?.IsPublic == true)
                .Select(p => $"{SectionOf(type)}__{p.Name}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<Type> Registrations(WorkerApp app) =>
        app.Descriptors
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("ArchiveForecast.", StringComparison.Ordinal) == true && SectionOf(t) is not null);

    private static string? SectionOf(Type options) =>
        options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;

    /// <summary>The app settings the triggers in functions.metadata name: <c>%Section:Key%</c> expressions and connection names.</summary>
    private static List<string> ReadTriggerSettings()
    {
        var bindings = AppBuild.ReadJson(AppBuild.OutputDirectory, "functions.metadata").AsArray()
            .SelectMany(f => f!["bindings"]!.AsArray()).Select(b => b!.AsObject()).ToList();
        var expressions = bindings
            .SelectMany(b => new[] { b["schedule"], b["queueName"] }).OfType<JsonNode>().Select(n => n.GetValue<string>())
            .SelectMany(e => AppSettingExpression().Matches(e).Select(m => m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)));
        var connections = bindings.Select(b => b["connection"]).OfType<JsonNode>().Select(n => n.GetValue<string>());
        return [.. expressions.Concat(connections).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The keys of the Function App's <c>app_settings</c> map (terraform fmt keeps one <c>key = value</c> per line).</summary>
    private static HashSet<string> ReadTerraformAppSettings()
    {
        string text = File.ReadAllText(Path.Combine(Root, "terraform", "function_app.tf"));
        int start = text.IndexOf("  app_settings = {", StringComparison.Ordinal);
        Assert.That(start, Is.Not.Negative, "terraform/function_app.tf has no app_settings map");
        int end = text.IndexOf("\n  }", start, StringComparison.Ordinal);
        var keys = TerraformKey().Matches(text[start..end]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        if (text.Contains("application_insights_connection_string", StringComparison.Ordinal))
        {
            // The provider writes site_config's application_insights_connection_string as this app setting.
            keys.Add("APPLICATIONINSIGHTS_CONNECTION_STRING");
        }

        return keys;
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex AppSettingExpression();

    [GeneratedRegex(@"^\s{4}""?([A-Za-z_][A-Za-z0-9_]*)""?\s*=", RegexOptions.Multiline)]
    private static partial Regex TerraformKey();
}
