using ArchiveForecast.Api.Problems;
using ArchiveForecast.Core.Configuration;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// Finds the served model a route acts on: the default model for routes without a name, else the named one. The
/// route's name is parsed here, once per request (<see cref="Parse"/>); an invalid name never reaches the catalog or
/// the store, and everything after takes the parsed <see cref="ModelName"/>.
/// </summary>
public sealed class ModelLookup(ModelCatalog catalog, IOptions<ModelStoreOptions> options)
{
    private ModelName? defaultName;

    /// <summary>The default model's name (<c>ModelStore:ModelName</c>, validated when the host starts).</summary>
    public ModelName DefaultName => defaultName ??= ModelName.Parse(options.Value.ModelName);

    /// <summary>The default model's served holder.</summary>
    public ServedModel Default => catalog.Default;

    /// <summary>How long clients should wait before retrying a 503: the reload interval, within 1 to 60 seconds.</summary>
    public TimeSpan RetryAfter =>
        options.Value.ReloadInterval <= TimeSpan.Zero
            ? TimeSpan.FromSeconds(30)
            : TimeSpan.FromSeconds(Math.Clamp(options.Value.ReloadInterval.TotalSeconds, 1, 60));

    /// <summary>
    /// The model a route acts on: the default model when the route names none (<paramref name="routeName"/> null), the
    /// named one when the name is valid, else null (answer <see cref="UnknownModel"/>).
    /// </summary>
    public ModelName? Parse(string? routeName) =>
        routeName is null ? DefaultName
        : ModelName.TryParse(routeName, out var name, out _) ? name
        : null;

    /// <summary>The served model of <paramref name="modelName"/>, or null when no such model exists.</summary>
    public Task<ServedModel?> FindAsync(ModelName modelName, CancellationToken cancellationToken) =>
        // The catalog waits for a first load in progress, so requests right after start do not see a 503 needlessly.
        catalog.GetAsync(modelName, cancellationToken);

    /// <summary>
    /// The served model of a name if this instance already serves it (after its first load, if one is in progress);
    /// null otherwise. Never starts serving a model.
    /// </summary>
    public async Task<ServedModel?> FindServingAsync(ModelName modelName, CancellationToken cancellationToken) =>
        catalog.Loaded.Any(m => string.Equals(m.Name, modelName.Value, StringComparison.Ordinal))
            ? await catalog.GetAsync(modelName, cancellationToken)
            : null;

    /// <summary>404 for a model name that is invalid or unknown; only a valid name is echoed.</summary>
    public static ProblemResult UnknownModel(HttpRequest request, string? modelName) =>
        ApiProblems.NotFound(
            request,
            ModelName.IsValid(modelName) ? $"There is no model named '{modelName}'." : "There is no model of that name.");

    /// <summary>503 with Retry-After and the reason in general terms (details stay in the logs).</summary>
    public ProblemResult Unavailable(HttpRequest request, ServedModel served) =>
        ApiProblems.Unavailable(request, ProblemTypes.ModelUnavailable, UnavailableReason(served), RetryAfter);

    /// <summary>Why a model is not served, without file names, paths or exception text.</summary>
    public static string UnavailableReason(ServedModel served)
    {
        var state = served.LoadState;
        return state.LastAttemptAt is null
            ? $"Model '{served.Name}' is still loading."
            : state.ConsecutiveFailures == 0
                ? $"Model '{served.Name}' has no promoted version yet."
                : $"Model '{served.Name}' could not be loaded; loading is retried automatically.";
    }
}
