using ArchiveForecast.HttpForecast.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>
/// The app composed as Program.cs composes it: <c>FunctionsApplication.CreateBuilder</c>,
/// <c>ConfigureFunctionsWebApplication</c>, then <see cref="FunctionsServiceCollectionExtensions.AddArchiveForecastFunctions{TBuilder}"/>,
/// with scopes and registrations validated on build.
/// </summary>
/// <remarks>
/// Starting the whole host needs a Functions host to talk to: the worker's hosted service dials
/// <c>Functions:Worker:HostEndpoint</c> over gRPC, and the ASP.NET Core integration serves only what that host proxies.
/// Core Tools cannot be installed here and no host is faked, so <see cref="StartAppAsync"/> does what the host's start does
/// for the app itself: it runs the options' start-up validation and starts the app's own hosted services.
/// </remarks>
internal sealed class WorkerApp : IAsyncDisposable
{
    private readonly IHost host;
    private readonly List<IHostedService> started = [];

    private WorkerApp(IHost host, IReadOnlyList<ServiceDescriptor> descriptors)
    {
        this.host = host;
        Descriptors = descriptors;
    }

    public IServiceProvider Services => host.Services;

    /// <summary>The registrations the app was built from.</summary>
    public IReadOnlyList<ServiceDescriptor> Descriptors { get; }

    /// <summary>Builds the worker app over <paramref name="settings"/> (which override environment variables, as app settings do).</summary>
    public static WorkerApp Build(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? before = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        before?.Invoke(builder.Services);
        builder.AddArchiveForecastFunctions();
        return new WorkerApp(builder.Build(), [.. builder.Services]);
    }

    /// <summary>Validates the options registered with ValidateOnStart, then starts the app's hosted services (model loading and polling).</summary>
    public async Task StartAppAsync()
    {
        Services.GetService<IStartupValidator>()?.Validate();
        foreach (var descriptor in Descriptors.Where(d => d.ServiceType == typeof(IHostedService) && IsTheApps(d)))
        {
            // Created from its registration, not by resolving every IHostedService: that would build the worker's gRPC client too.
            var service = (IHostedService)(descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(Services)
                ?? ActivatorUtilities.CreateInstance(Services, descriptor.ImplementationType!));
            await service.StartAsync(CancellationToken.None);
            started.Add(service);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(started))
        {
            await service.StopAsync(CancellationToken.None);
        }

        host.Dispose();
    }

    private static bool IsTheApps(ServiceDescriptor descriptor) =>
        (descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType() ?? descriptor.ImplementationFactory?.Method.DeclaringType)?
            .Namespace?.StartsWith("ArchiveForecast.", StringComparison.Ordinal) == true;
}
