using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Tests.Configuration;

/// <summary>
/// The override order, explicitly: files, environment variables and app settings &lt; Key Vault &lt; sources added after
/// it (serve's flags). Every setting a secret overrides is reported by name, never by value.
/// </summary>
[TestFixture]
public sealed class KeyVaultOverrideOrderTests
{
    [Test]
    public void Vault_OverridesEarlierSources_AndSaysWhichSettings()
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KeyVault:Uri"] = SecretClientMockBuilder.VaultUri.ToString(),
            ["Auth:AdminKeys:0"] = "admin-from-app-settings",
            ["Auth:FunctionKeys:0"] = "same-in-both-places",
            ["ModelStore:ModelName"] = "from-app-settings",
        });

        var configuration = builder.AddArchiveForecastKeyVault((_, _) => new SecretClientMockBuilder()
            .WithSecret("Auth--AdminKeys--0", "admin-from-vault")
            .WithSecret("Auth--FunctionKeys--0", "same-in-both-places")
            .WithSecret("Auth--AllowAnonymous", "false")
            .Build().Object).Build();

        Assert.Multiple(() =>
        {
            Assert.That(configuration["Auth:AdminKeys:0"], Is.EqualTo("admin-from-vault"));
            Assert.That(configuration["ModelStore:ModelName"], Is.EqualTo("from-app-settings"));
            Assert.That(configuration.KeyVaultOverrides(), Is.EqualTo(new[] { "Auth:AdminKeys:0" }), "only a setting the vault changes is reported");
        });
    }

    [Test]
    public void SourcesAddedAfterTheVault_OverrideIt()
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["KeyVault:Uri"] = SecretClientMockBuilder.VaultUri.ToString() });
        builder.AddArchiveForecastKeyVault((_, _) => new SecretClientMockBuilder().WithSecret("ModelStore--ModelName", "from-vault").Build().Object);
        builder.AddInMemoryCollection(new Dictionary<string, string?> { ["ModelStore:ModelName"] = "from-the-flag" });

        var configuration = builder.Build();

        Assert.That(configuration["ModelStore:ModelName"], Is.EqualTo("from-the-flag"));
    }

    [Test]
    public void Vault_OnAConfigurationManager_StillTellsTheOverridesApart()
    {
        // WebApplication's configuration is a ConfigurationManager: it is live, so the earlier values must be read apart from it.
        var manager = new ConfigurationManager();
        manager.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KeyVault:Uri"] = SecretClientMockBuilder.VaultUri.ToString(),
            ["Auth:AllowAnonymous"] = "true",
        });

        manager.AddArchiveForecastKeyVault((_, _) => new SecretClientMockBuilder().WithSecret("Auth--AllowAnonymous", "false").Build().Object);

        Assert.Multiple(() =>
        {
            Assert.That(manager["Auth:AllowAnonymous"], Is.EqualTo("false"));
            Assert.That(manager.KeyVaultOverrides(), Is.EqualTo(new[] { "Auth:AllowAnonymous" }));
        });
    }

    [Test]
    public async Task Report_LogsEachOverriddenSettingByNameOnly()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KeyVault:Uri"] = SecretClientMockBuilder.VaultUri.ToString(),
            ["Auth:AdminKeys:0"] = "admin-from-app-settings",
        }).AddArchiveForecastKeyVault((_, _) => new SecretClientMockBuilder().WithSecret("Auth--AdminKeys--0", "admin-from-vault").Build().Object).Build();
        var logger = new ListLogger();

        await new KeyVaultOverrideReport(configuration, logger).StartAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(logger.Entries.Select(e => (e.Level, e.EventId)), Is.EqualTo(new[] { (LogLevel.Warning, 1300) }));
            Assert.That(logger.Entries[0].Message, Does.Contain("Auth:AdminKeys:0").And.Not.Contain("admin-from"));
        });
    }

    private sealed class ListLogger : ILogger<KeyVaultOverrideReport>
    {
        public List<(LogLevel Level, int EventId, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}
