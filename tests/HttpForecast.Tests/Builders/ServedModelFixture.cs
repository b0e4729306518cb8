namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>A fixture whose tests share one started Functions app that serves a freshly trained default model.</summary>
public abstract class ServedModelFixture
{
    internal FunctionsApp App { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartWithAServedModel()
    {
        App = await FunctionsApp.Create().StartAsync();
        await App.TrainAndServeDefaultModelAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await App.DisposeAsync();
}
