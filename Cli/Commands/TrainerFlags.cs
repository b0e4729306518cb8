using System.CommandLine;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Training.Configuration;

namespace ArchiveForecast.Cli.Commands;

/// <summary>The hyper-parameter flags shared by <c>train</c> and <c>compare</c>; unset flags keep the configured values.</summary>
internal sealed class TrainerFlags
{
    public Option<int?> Trees { get; } = new Option<int?>("--trees") { Description = "Trees per target (boosting iterations for fasttree and lightgbm)", HelpName = "N" }.InRange(1, 10_000);

    public Option<int?> Leaves { get; } = new Option<int?>("--leaves") { Description = "Maximum leaves per tree", HelpName = "N" }.InRange(2, 1_024);

    public Option<int?> MinLeaf { get; } = new Option<int?>("--min-leaf") { Description = "Minimum training rows in a leaf", HelpName = "N" }.InRange(1, 1_000_000);

    public Option<double?> LearningRate { get; } = new("--learning-rate") { Description = "Learning rate of fasttree and lightgbm", HelpName = "RATE" };

    public IEnumerable<Option> All => [Trees, Leaves, MinLeaf, LearningRate];

    public static Option<string> Trainer(string description) =>
        new Option<string>("--trainer") { Description = description, HelpName = "fastforest|fasttree|lightgbm" }
            .AcceptOnlyFromAmong([.. TrainerKindNames.All]);

    /// <summary>The settings of <paramref name="kind"/>: the configuration's (tuned defaults and <c>Training:*</c> overrides), then the flags.</summary>
    /// <exception cref="CliException">The result is not usable (exit code 2).</exception>
    public TrainerSettings Resolve(CommandRun run, TrainingOptions options, TrainerKind kind)
    {
        var settings = options.ToTrainerSettings(kind);
        if (run.Get(LearningRate) is not null && kind == TrainerKind.FastForest)
        {
            throw CliException.BadInput("--learning-rate does not apply to fastforest.");
        }

        settings = settings with
        {
            NumberOfTrees = run.Get(Trees) ?? settings.NumberOfTrees,
            NumberOfLeaves = run.Get(Leaves) ?? settings.NumberOfLeaves,
            MinimumExampleCountPerLeaf = run.Get(MinLeaf) ?? settings.MinimumExampleCountPerLeaf,
            LearningRate = run.Get(LearningRate) ?? settings.LearningRate,
        };
        var errors = settings.Validate();
        return errors.Count == 0 ? settings : throw CliException.BadInput(string.Join(" ", errors));
    }
}
