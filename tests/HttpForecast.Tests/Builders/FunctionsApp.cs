using ArchiveForecast.Core.Registry;
using ArchiveForecast.HttpForecast.Hosting;
using ArchiveForecast.Training.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>
/// The Functions app's services as the worker composes them (<see cref="FunctionsServiceCollectionExtensions.AddArchiveForecastFunctions"/>
/// on a started host, options validated on start), over a temporary folder store and training-data folder. Function
/// classes are created per invocation in a scope, as the worker does.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly IHost host;

    private FunctionsApp(IHost host, string root, RecordingRetrainQueue queue)
    {
        this.host = host;
        Root = root;
        Queue = queue;
    }

    public string Root { get; }

    public RecordingRetrainQueue Queue { get; }

    public IServiceProvider Services => host.Services;

    public ModelRegistry Registry => Services.GetRequiredService<ModelRegistry>();

    public static FunctionsAppBuilder Create() => new();

    internal static async Task<FunctionsApp> StartAsync(string root, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        var queue = new RecordingRetrainQueue();
        builder.Services.AddSingleton<IRetrainQueue>(queue);
        builder.Services.AddArchiveForecastFunctions(builder.Configuration);

        var host = builder.Build();
        await host.StartAsync();
        return new FunctionsApp(host, root, queue);
    }

    /// <summary>Runs <paramref name="invoke"/> on a new instance of a function class, in its own invocation scope.</summary>
    public async Task<TResult> InvokeAsync<TFunction, TResult>(Func<TFunction, IServiceProvider, Task<TResult>> invoke)
        where TFunction : class
    {
        await using var scope = Services.CreateAsyncScope();
        var function = ActivatorUtilities.CreateInstance<TFunction>(scope.ServiceProvider);
        return await invoke(function, scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="invoke"/> on a new instance of a function class, in its own invocation scope.</summary>
    public Task InvokeAsync<TFunction>(Func<TFunction, Task> invoke)
        where TFunction : class =>
        InvokeAsync<TFunction, bool>(async (function, _) =>
        {
            await invoke(function);
            return true;
        });

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
