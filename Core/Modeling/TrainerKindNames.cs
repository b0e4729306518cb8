namespace ArchiveForecast.Core.Modeling;

/// <summary>The CLI and model-card names of <see cref="TrainerKind"/>: <c>fastforest</c>, <c>fasttree</c>, <c>lightgbm</c>.</summary>
public static class TrainerKindNames
{
    /// <summary><c>fastforest</c></summary>
    public const string FastForest = "fastforest";
    /// <summary><c>fasttree</c></summary>
    public const string FastTree = "fasttree";
    /// <summary><c>lightgbm</c></summary>
    public const string LightGbm = "lightgbm";

    /// <summary>Every name, in <see cref="TrainerKind"/> order.</summary>
    public static IReadOnlyList<string> All { get; } = [FastForest, FastTree, LightGbm];

    /// <summary>The name of a trainer kind.</summary>
    public static string Format(TrainerKind kind) => kind switch
    {
        TrainerKind.FastForest => FastForest,
        TrainerKind.FastTree => FastTree,
        TrainerKind.LightGbm => LightGbm,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown trainer kind."),
    };

    /// <summary>Parses a trainer name (case-insensitive, no surrounding spaces).</summary>
    public static bool TryParse(string? text, out TrainerKind kind)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(text, All[i], StringComparison.OrdinalIgnoreCase))
            {
                kind = (TrainerKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Parses a trainer name.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="All"/>.</exception>
    public static TrainerKind Parse(string text) =>
        TryParse(text, out var kind)
            ? kind
            : throw new ArgumentException($"Unknown trainer '{text}'; expected one of {string.Join(", ", All)}.", nameof(text));
}
