using System.Globalization;

namespace ArchiveForecast.Core.Modeling;

/// <summary>The trainer and its hyper-parameters. Start from <see cref="Default"/> and change what you need with <c>with</c>.</summary>
public sealed record TrainerSettings
{
    /// <summary>The trainer.</summary>
    public required TrainerKind Kind { get; init; }

    /// <summary>Trees per target (boosting iterations for the boosted trainers).</summary>
    public required int NumberOfTrees { get; init; }

    /// <summary>Maximum leaves per tree.</summary>
    public required int NumberOfLeaves { get; init; }

    /// <summary>Minimum training rows in a leaf.</summary>
    public required int MinimumExampleCountPerLeaf { get; init; }

    /// <summary>The boosting learning rate in (0, 1]; null for <see cref="TrainerKind.FastForest"/>, which has none.</summary>
    public double? LearningRate { get; init; }

    /// <summary>The seed of every random choice of the fit; the same data, settings and seed give the same model.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The seed used unless one is given.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Sensible defaults for each trainer (those of ML.NET and LightGBM, with the fixed seed).</summary>
    public static TrainerSettings Default(TrainerKind kind) => kind switch
    {
        TrainerKind.FastForest => new() { Kind = kind, NumberOfTrees = 100, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 10 },
        TrainerKind.FastTree => new() { Kind = kind, NumberOfTrees = 100, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 10, LearningRate = 0.2 },
        TrainerKind.LightGbm => new() { Kind = kind, NumberOfTrees = 100, NumberOfLeaves = 31, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1 },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown trainer kind."),
    };

    /// <summary>Every broken rule of the settings, as sentences naming the parameter; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        List<string> errors = [];
        if (!Enum.IsDefined(Kind))
        {
            errors.Add($"trainer must be one of {string.Join(", ", TrainerKindNames.All)}.");
        }

        if (NumberOfTrees is < 1 or > 10_000)
        {
            errors.Add("number_of_trees must be between 1 and 10000.");
        }

        if (NumberOfLeaves is < 2 or > 1_024)
        {
            errors.Add("number_of_leaves must be between 2 and 1024.");
        }

        if (MinimumExampleCountPerLeaf < 1)
        {
            errors.Add("minimum_example_count_per_leaf must be 1 or more.");
        }

        if (Kind == TrainerKind.FastForest && LearningRate is not null)
        {
            errors.Add("learning_rate does not apply to fastforest.");
        }
        else if (Kind != TrainerKind.FastForest && LearningRate is null)
        {
            errors.Add($"learning_rate is required for {TrainerKindNames.Format(Kind)}.");
        }
        else if (LearningRate is { } given && !(given > 0 && given <= 1))
        {
            errors.Add("learning_rate must be in (0, 1].");
        }

        return errors;
    }

    /// <summary>The hyper-parameters as invariant strings with snake_case keys, for the model card.</summary>
    public IReadOnlyDictionary<string, string> ToParameters()
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["trainer"] = TrainerKindNames.Format(Kind),
            ["number_of_trees"] = NumberOfTrees.ToString(CultureInfo.InvariantCulture),
            ["number_of_leaves"] = NumberOfLeaves.ToString(CultureInfo.InvariantCulture),
            ["minimum_example_count_per_leaf"] = MinimumExampleCountPerLeaf.ToString(CultureInfo.InvariantCulture),
            ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        };
        if (LearningRate is { } rate)
        {
            parameters["learning_rate"] = rate.ToString("R", CultureInfo.InvariantCulture);
        }

        return parameters;
    }
}
