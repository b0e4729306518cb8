using System.CommandLine;
using System.Globalization;
using ArchiveForecast.Core.Releases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Cli.Commands;

/// <summary>
/// <c>release start --version N --fraction F [--shadow]</c>, <c>release status</c>, <c>release stop</c>: a canary or
/// shadow release in the model's pointer, by the same compare-and-swap as the HTTP API. Running servers follow it on
/// their next poll; the per-version numbers live in each server (<c>GET /api/models/{name}/release</c>).
/// </summary>
internal static class ReleaseCommand
{
    private const string Actor = "cli";

    public static Command Create(CliContext context)
    {
        var command = new Command("release", "Run a candidate version beside the served one: a canary traffic split or shadow scoring")
        {
            Start(context),
            Status(context),
            Stop(context),
        };
        return command;
    }

    private static Command Start(CliContext context)
    {
        var version = new Option<int>("--version") { Description = "The candidate version", HelpName = "N", Required = true }.InRange(1, int.MaxValue);
        var fraction = new Option<double>("--fraction") { Description = "The share of requests, above 0 and at most 1 (e.g. 0.05)", HelpName = "F", Required = true };
        var shadow = new Option<bool>("--shadow") { Description = "Score the share in the background instead of answering with the candidate" };
        var model = CliContext.ModelOption();
        var store = CliContext.StoreOption();
        var command = new Command("start", "Start (or widen) a release of a verified candidate version") { version, fraction, shadow, model, store };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            double share = run.Get(fraction);
            if (!ReleaseStart.IsValidFraction(share))
            {
                throw CliException.BadInput("--fraction must be above 0 and at most 1.");
            }

            var services = run.ExistingStore(run.Get(store));
            var defaults = services.GetRequiredService<IOptions<ReleaseOptions>>().Value.DefaultGuards();
            var change = await services.GetRequiredService<ReleaseRegistry>().StartAsync(
                modelName,
                new ReleaseStart(run.Get(version), share, run.Get(shadow) ? ReleaseMode.Shadow : ReleaseMode.Split),
                defaults,
                Actor,
                cancellationToken);
            return change.Status switch
            {
                ReleaseChangeStatus.Started or ReleaseChangeStatus.Updated => Report(run, modelName, change, change.Status == ReleaseChangeStatus.Started ? "started" : "updated"),
                ReleaseChangeStatus.Conflict => throw new CliException(ExitCodes.Failure, change.Detail),
                _ => throw CliException.BadInput(change.Detail),
            };
        });
    }

    private static Command Status(CliContext context)
    {
        var model = CliContext.ModelOption();
        var store = CliContext.StoreOption();
        var command = new Command("status", "Show the running release as the pointer holds it") { model, store };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            var state = await run.ExistingStore(run.Get(store)).GetRequiredService<ReleaseRegistry>().GetAsync(modelName, cancellationToken);
            var release = state?.Value.Release;
            if (release is null)
            {
                run.Line($"No release of {modelName} is running{(state is null ? string.Empty : $"; version {state.Value.Version} answers every request")}.");
                run.WriteJson(new { Model = modelName.Value, ServedVersion = state?.Value.Version, Release = (ModelRelease?)null });
                return ExitCodes.Ok;
            }

            run.Line(Describe(modelName, state!.Value.Version, release));
            run.Line("  per-version numbers: GET /api/models/" + modelName + "/release on each server");
            run.WriteJson(new { Model = modelName.Value, ServedVersion = state.Value.Version, Release = release });
            return ExitCodes.Ok;
        });
    }

    private static Command Stop(CliContext context)
    {
        var model = CliContext.ModelOption();
        var store = CliContext.StoreOption();
        var command = new Command("stop", "Stop the running release: all traffic goes back to the served version") { model, store };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            var change = await run.ExistingStore(run.Get(store)).GetRequiredService<ReleaseRegistry>().EndAsync(
                modelName, null, ReleaseOutcome.Stopped, Actor, "stopped with archive-forecast release stop", null, cancellationToken);
            return change.Status switch
            {
                ReleaseChangeStatus.Ended => Report(run, modelName, change, "stopped"),
                ReleaseChangeStatus.NotRunning => throw CliException.BadInput(change.Detail),
                _ => throw new CliException(ExitCodes.Failure, change.Detail),
            };
        });
    }

    private static int Report(CommandRun run, string modelName, ReleaseChange change, string status)
    {
        int served = change.State!.Value.Version;
        run.Line(change.Detail);
        if (status != "stopped")
        {
            run.Line(Describe(modelName, served, change.Release!));
        }

        run.Line("  running servers follow it from their next poll of the pointer.");
        run.WriteJson(new { Model = modelName, ServedVersion = served, Status = status, Release = change.Release });
        return ExitCodes.Ok;
    }

    private static string Describe(string modelName, int served, ModelRelease release) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{modelName}: release {release.Id}, version {release.Version} {ReleaseRegistry.ModeName(release.Mode)} at {release.Fraction:0.####} beside version {served}, started {release.StartedAt:u} by {release.StartedBy}; " +
            $"guards: min {release.Guards.MinRequests} requests, error rate +{release.Guards.MaxErrorRateIncrease:0.####}, p99 x{release.Guards.MaxLatencyRatio:0.##}, divergence {release.Guards.MaxDivergence:0.####}");
}
