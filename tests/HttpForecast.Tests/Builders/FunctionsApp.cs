using ArchiveForecast.Core.Inference;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Pipeline;
using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>
/// The Functions app as the worker composes it (<see cref="WorkerApp"/>: the real worker builder, options validated on
/// start, the app's hosted services started), over a temporary folder store and training-data folder. Function classes
/// are created per invocation in a scope, as the worker does.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly WorkerApp host;

    private FunctionsApp(WorkerApp host, string root, RecordingRetrainQueue queue)
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
        var queue = new RecordingRetrainQueue();
        var host = WorkerApp.Build(settings, services => services.AddSingleton<IRetrainQueue>(queue));
        await host.StartAppAsync();
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

    /// <summary>
    /// Sends <paramref name="request"/> to an HTTP function as the worker does: a new instance in an invocation scope
    /// that is also the request's services, and the result it returns executed on the response.
    /// </summary>
    public Task<HttpAnswer> SendAsync<TFunction>(HttpRequestBuilder request, Func<TFunction, HttpRequest, Task<IResult>> invoke)
        where TFunction : class =>
        InvokeAsync<TFunction, HttpAnswer>(async (function, services) =>
        {
            var httpRequest = request.Build(services);
            return await HttpAnswer.OfAsync(await invoke(function, httpRequest), httpRequest);
        });

    /// <summary>Trains the default model on the default dataset (published and promoted as the first version) and serves it.</summary>
    public async Task TrainAndServeDefaultModelAsync()
    {
        var result = await Services.GetRequiredService<TrainingRunner>().RunAsync(
            new TrainingRun
            {
                ModelName = ModelName.Parse(ModelName.Default),
                Data = TrainingDataInput.FromDataset(Services.GetRequiredService<ITrainingDataSource>(), DatasetPath.Parse(FunctionsAppBuilder.Dataset)),
                Trigger = TrainingTriggers.Cli,
            },
            CancellationToken.None);
        if (!result.Promoted)
        {
            throw new InvalidOperationException($"Training did not promote a version: {result.Run.Reason}");
        }

        await Services.GetRequiredService<ModelCatalog>().ReloadAllAsync(CancellationToken.None);
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
        await host.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
