using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Modeling;

/// <summary>
/// Deterministic splits. Every row (or, grouped, every source) gets a seeded hash of its content, and rows are ordered by
/// it: the same rows and seed give the same split whatever order the file lists them in, and the training rows come out
/// shuffled.
/// </summary>
public static class DataSplitter
{
    /// <summary>Holds out <paramref name="holdoutFraction"/> of the rows (at least one, and at least one left to train on).</summary>
    /// <exception cref="ArgumentException">Fewer than two rows, or a fraction outside (0, 1).</exception>
    public static DataSplit Split(IReadOnlyList<TrainingExample> rows, double holdoutFraction, int seed)
    {
        CheckFraction(holdoutFraction);
        if (rows.Count < 2)
        {
            throw new ArgumentException("At least two rows are needed to hold some out.", nameof(rows));
        }

        var ordered = OrderRows(rows, seed);
        int holdout = Math.Clamp((int)Math.Round(rows.Count * holdoutFraction), 1, rows.Count - 1);
        return new DataSplit([.. ordered.Skip(holdout)], [.. ordered.Take(holdout)]);
    }

    /// <summary>K folds for cross-validation: each row is held out in exactly one fold.</summary>
    /// <exception cref="ArgumentException">Fewer than two folds, or fewer rows than folds.</exception>
    public static IReadOnlyList<DataSplit> KFold(IReadOnlyList<TrainingExample> rows, int folds, int seed)
    {
        CheckFolds(folds, rows.Count, "rows");
        var ordered = OrderRows(rows, seed);
        return Folds(ordered.Select(row => (IReadOnlyList<TrainingExample>)[row]).ToList(), folds);
    }

    /// <summary>K folds over sources: each source is held out, whole, in exactly one fold.</summary>
    /// <exception cref="ArgumentException">Fewer than two folds, or fewer sources than folds.</exception>
    public static IReadOnlyList<DataSplit> GroupedKFold(IReadOnlyList<TrainingExample> rows, int folds, int seed)
    {
        var groups = OrderGroups(rows, seed);
        CheckFolds(folds, groups.Count, "sources (source_id values)");
        return Folds(groups, folds);
    }

    /// <summary>The number of distinct <see cref="TrainingExample.SourceId"/> values (rows without one count as one source each).</summary>
    public static int CountSources(IReadOnlyList<TrainingExample> rows) =>
        rows.Where(r => r.SourceId is not null).Select(r => r.SourceId).Distinct(StringComparer.Ordinal).Count()
        + rows.Count(r => r.SourceId is null);

    private static List<TrainingExample> OrderRows(IReadOnlyList<TrainingExample> rows, int seed)
    {
        var keys = new (ulong Key, int Index)[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            keys[i] = (RowHash.Of(rows[i], seed), i);
        }

        // Equal keys mean equal rows (or a 2^-64 collision), so breaking ties by index cannot change the content of a split.
        Array.Sort(keys);
        return [.. keys.Select(k => rows[k.Index])];
    }

    private static List<IReadOnlyList<TrainingExample>> OrderGroups(IReadOnlyList<TrainingExample> rows, int seed)
    {
        var groups = new Dictionary<string, List<TrainingExample>>(StringComparer.Ordinal);
        var singles = new List<TrainingExample>();
        foreach (var row in rows)
        {
            if (row.SourceId is null)
            {
                singles.Add(row);
            }
            else if (groups.TryGetValue(row.SourceId, out var list))
            {
                list.Add(row);
            }
            else
            {
                groups[row.SourceId] = [row];
            }
        }

        var keyed = groups
            .Select(g => (Key: RowHash.Of(g.Key, seed), Tie: g.Key, Rows: (IReadOnlyList<TrainingExample>)OrderRows(g.Value, seed)))
            .Concat(singles.Select(r => (Key: RowHash.Of(r, seed), Tie: string.Empty, Rows: (IReadOnlyList<TrainingExample>)[r])))
            .OrderBy(g => g.Key)
            .ThenBy(g => g.Tie, StringComparer.Ordinal);
        return [.. keyed.Select(g => g.Rows)];
    }

    private static List<DataSplit> Folds(List<IReadOnlyList<TrainingExample>> units, int folds)
    {
        var splits = new List<DataSplit>(folds);
        for (int fold = 0; fold < folds; fold++)
        {
            var train = new List<TrainingExample>();
            var test = new List<TrainingExample>();
            for (int i = 0; i < units.Count; i++)
            {
                (i % folds == fold ? test : train).AddRange(units[i]);
            }

            splits.Add(new DataSplit(train, test));
        }

        return splits;
    }

    private static void CheckFraction(double fraction)
    {
        if (!(fraction is > 0 and < 1))
        {
            throw new ArgumentException("The holdout fraction must be between 0 and 1 (exclusive).", nameof(fraction));
        }
    }

    private static void CheckFolds(int folds, int units, string what)
    {
        if (folds < 2)
        {
            throw new ArgumentException("Cross-validation needs at least 2 folds.", nameof(folds));
        }

        if (units < folds)
        {
            throw new ArgumentException($"{folds} folds need at least {folds} {what}; the data has {units}.", nameof(folds));
        }
    }
}
